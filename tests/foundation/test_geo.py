"""Places (balai/core/geo.py): coordinates, distances, and where and when a photo was taken — read
from real JPEG files whose EXIF is written here with Pillow, as a phone camera writes it."""

import datetime as dt
import io
import math

import pytest
from django.core.exceptions import ValidationError

from balai.core.geo import LatLng, distance_m, photo_place, photo_position, photo_taken_at
from tests.support.images import image_bytes, photo_with_gps

WIB = dt.timezone(dt.timedelta(hours=7))
# 1 degree of a great circle on the mean-radius sphere: π/180 × 6 371 008.8 m = 111 195.08 m.
ONE_DEGREE_M = 111_195.08


def test_coordinates_out_of_range_are_refused_in_indonesian():
    with pytest.raises(ValidationError, match="Lintang harus antara -90 dan 90 derajat."):
        LatLng(-91, 114)
    with pytest.raises(ValidationError, match="Bujur harus antara -180 dan 180 derajat."):
        LatLng(-8.2, 181)
    with pytest.raises(ValidationError, match="derajat desimal"):
        LatLng("delapan", 114)
    with pytest.raises(ValidationError):
        LatLng(float("nan"), 114)
    assert LatLng("-8.2197", "114.3670") == LatLng(-8.2197, 114.367)


def test_banyuwangi_and_jayapura_lie_in_the_indonesia_box_and_manila_and_the_wrong_hemisphere_do_not():
    assert LatLng(-8.2197, 114.3670).in_indonesia
    assert LatLng(-2.5, 140.7).in_indonesia  # Jayapura
    assert not LatLng(14.6, 121.0).in_indonesia  # Manila
    assert not LatLng(8.2197, 114.3670).in_indonesia  # the right numbers in the wrong hemisphere


def test_a_tenth_of_a_degree_along_a_meridian_is_11_119_5_metres():
    # 0.1 × 111 195.08 = 11 119.508 m
    d = distance_m(LatLng(-8.2197, 114.3670), LatLng(-8.1197, 114.3670))
    assert abs(d - 11_119.508) < 0.01


def test_one_degree_along_the_equator_is_111_195_metres():
    assert abs(distance_m(LatLng(0, 114), LatLng(0, 115)) - ONE_DEGREE_M) < 0.01


def test_banyuwangi_town_to_ketapang_harbour_agrees_with_a_hand_computation_within_a_metre():
    # Δlat = −8.1431 − (−8.2197) = 0.0766°  → north  0.0766 × 111 195.08             = 8 517.54 m
    # Δlng = 114.3976 − 114.3670 = 0.0306°, cos(mean lat 8.1814°) = 0.98982
    #                                       → east   0.0306 × 0.98982 × 111 195.08   = 3 367.94 m
    # √(8 517.54² + 3 367.94²) = 9 159.23 m (flat-earth over 9 km: differs from the sphere by < 1 cm)
    d = distance_m(LatLng(-8.2197, 114.3670), LatLng(-8.1431, 114.3976))
    assert abs(d - 9_159.23) < 1
    assert distance_m(LatLng(-8.1431, 114.3976), LatLng(-8.2197, 114.3670)) == pytest.approx(d)
    assert distance_m(LatLng(-8.2197, 114.3670), LatLng(-8.2197, 114.3670)) == 0


def test_a_photo_taken_south_and_east_gives_a_negative_latitude_and_a_positive_longitude():
    # 8°13'10.8"S = −(8 + 13/60 + 10.8/3600) = −8.219667;  114°22'1.2"E = 114 + 22/60 + 1.2/3600 = 114.367000
    photo = photo_with_gps(lat=(8, 13, 10.8), lat_ref="S", lng=(114, 22, 1.2), lng_ref="E")
    position = photo_position(photo)
    assert position.rounded(4) == (-8.2197, 114.3670)
    assert math.isclose(position.lat, -8.219667, abs_tol=1e-6)
    assert math.isclose(position.lng, 114.367, abs_tol=1e-6)


def test_north_and_west_refs_give_the_signs_of_the_northern_and_western_hemispheres():
    # 1°17'31.2"N 103°51'7.2"E Singapore; 40°41'21.6"N 74°2'40.2"W New York
    assert photo_position(photo_with_gps(lat=(1, 17, 31.2), lat_ref="N", lng=(103, 51, 7.2))).rounded(4) == \
        (1.2920, 103.8520)
    assert photo_position(photo_with_gps(lat=(40, 41, 21.6), lat_ref="N", lng=(74, 2, 40.2),
                                         lng_ref="W")).rounded(4) == (40.6893, -74.0445)


def test_a_position_written_as_decimal_minutes_is_read_too():
    # Some phones write (8°, 13.18', 0"): 8 + 13.18/60 = 8.219667
    assert photo_position(photo_with_gps(lat=(8, 13.18, 0), lng=(114, 22.02, 0))).rounded(4) == (-8.2197, 114.3670)


def test_a_photo_without_gps_or_without_a_ref_or_at_zero_zero_has_no_position():
    assert photo_position(photo_with_gps(taken="2026:11:10 09:30:15")) is None
    assert photo_position(photo_with_gps(lat=(8, 13, 10.8), lat_ref="", lng=(114, 22, 1.2))) is None
    assert photo_position(photo_with_gps(lat=(0, 0, 0), lat_ref="N", lng=(0, 0, 0))) is None
    assert photo_position(image_bytes("JPEG")) is None
    assert photo_position(image_bytes("PNG")) is None
    assert photo_position(b"not an image at all") is None


def test_the_capture_time_is_read_with_its_offset_or_as_western_indonesian_time():
    with_offset = photo_taken_at(photo_with_gps(taken="2026:11:10 09:30:15", offset="+08:00"))  # WITA
    assert with_offset == dt.datetime(2026, 11, 10, 1, 30, 15, tzinfo=dt.UTC)
    local = photo_taken_at(photo_with_gps(taken="2026:11:10 09:30:15"))
    assert local == dt.datetime(2026, 11, 10, 9, 30, 15, tzinfo=WIB)
    assert local == dt.datetime(2026, 11, 10, 2, 30, 15, tzinfo=dt.UTC)


def test_a_photo_without_a_capture_time_or_with_a_blank_one_has_none():
    assert photo_taken_at(photo_with_gps(lat=(8, 13, 10.8), lng=(114, 22, 1.2))) is None
    assert photo_taken_at(photo_with_gps(taken="    :  :     :  :  ")) is None  # what some cameras write
    assert photo_taken_at(image_bytes("JPEG")) is None


def test_the_place_of_a_photo_is_read_once_from_a_file_and_leaves_the_file_where_it_was():
    photo = io.BytesIO(photo_with_gps(lat=(8, 13, 10.8), lng=(114, 22, 1.2), taken="2026:11:10 09:30:15"))
    place = photo_place(photo)
    assert place.position.rounded(4) == (-8.2197, 114.3670)
    assert place.taken_at == dt.datetime(2026, 11, 10, 9, 30, 15, tzinfo=WIB)
    assert photo.tell() == 0
