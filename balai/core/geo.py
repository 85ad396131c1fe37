"""Places: a latitude/longitude value, distances, and where and when a photo was taken.

- ``LatLng(lat, lng)``: decimal degrees (WGS 84, what phones and OpenStreetMap use), validated
  (latitude −90…90, longitude −180…180) with an Indonesian message; ``.in_indonesia`` is a rough box
  around the archipelago (6.5° N … 11.5° S, 94.5° E … 141.5° E) for sanity checks, not a border.
- ``distance_m(a, b)``: great-circle distance in metres (haversine on a sphere of the Earth's mean
  radius, 6 371 008.8 m); within 0.5 % of the ellipsoid distance, plenty for "was this photo taken at
  the project site".
- ``photo_position(file)``, ``photo_taken_at(file)``, ``photo_place(file)``: read the GPS position
  and the capture time from a JPEG's EXIF with Pillow. The position needs latitude, longitude and their
  N/S/E/W refs (a missing ref, a zero denominator or 0°,0° — which broken GPS units write — give
  ``None``). The capture time is ``DateTimeOriginal`` (else ``DateTimeDigitized``), with
  ``OffsetTimeOriginal`` when the camera wrote one, otherwise read as local time (``TIME_ZONE``,
  WIB); the result is an aware datetime or ``None``. EXIF can be edited by anyone: treat it as a claim
  to check against other evidence, not as proof.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from PIL.ExifTags import GPS, IFD, Base

EARTH_RADIUS_M = 6_371_008.8
INDONESIA_BOX = {"lat": (-11.5, 6.5), "lng": (94.5, 141.5)}


@dataclass(frozen=True)
class LatLng:
    lat: float
    lng: float

    def __post_init__(self):
        try:
            lat, lng = float(self.lat), float(self.lng)
        except (TypeError, ValueError) as exc:
            raise ValidationError(_("Koordinat harus berupa angka derajat desimal.")) from exc
        if not (math.isfinite(lat) and -90 <= lat <= 90):
            raise ValidationError(_("Lintang harus antara -90 dan 90 derajat."))
        if not (math.isfinite(lng) and -180 <= lng <= 180):
            raise ValidationError(_("Bujur harus antara -180 dan 180 derajat."))
        object.__setattr__(self, "lat", lat)
        object.__setattr__(self, "lng", lng)

    @property
    def in_indonesia(self) -> bool:
        (south, north), (west, east) = INDONESIA_BOX["lat"], INDONESIA_BOX["lng"]
        return south <= self.lat <= north and west <= self.lng <= east

    def rounded(self, places: int = 4) -> tuple[float, float]:
        return round(self.lat, places), round(self.lng, places)

    def __str__(self):
        return f"{self.lat:.6f}, {self.lng:.6f}"


def distance_m(a: LatLng, b: LatLng) -> float:
    """Great-circle distance between two points in metres (haversine)."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlmb = phi2 - phi1, math.radians(b.lng - a.lng)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


# --- photos ------------------------------------------------------------------------------------

def _number(value) -> float | None:
    """An EXIF rational (Pillow's IFDRational, a (num, den) pair, or a plain number) as a float."""
    try:
        if isinstance(value, tuple) and len(value) == 2:
            numerator, denominator = value
            return None if not denominator else float(numerator) / float(denominator)
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _degrees(parts) -> float | None:
    """(degrees, minutes, seconds) as decimal degrees: (8, 13, 10.8) → 8.2197."""
    if not isinstance(parts, tuple | list) or not parts or len(parts) > 3:
        return None
    numbers = [_number(part) for part in parts]
    if any(n is None or n < 0 for n in numbers):
        return None
    numbers += [0.0] * (3 - len(numbers))
    return numbers[0] + numbers[1] / 60 + numbers[2] / 3600


def _ref(value) -> str:
    if isinstance(value, bytes):
        value = value.decode("ascii", "ignore")
    return str(value or "").strip("\x00 ").upper()[:1]


def _exif(source):
    """The EXIF of an image given as bytes, a path or a file object; None when it is not an image."""
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(source)
    position = source.tell() if hasattr(source, "tell") else None
    try:
        with Image.open(source) as image:
            return image.getexif()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    finally:
        if position is not None:
            source.seek(position)


def _position_from(exif) -> LatLng | None:
    if exif is None:
        return None
    gps = exif.get_ifd(IFD.GPSInfo)
    lat, lng = _degrees(gps.get(GPS.GPSLatitude)), _degrees(gps.get(GPS.GPSLongitude))
    lat_ref, lng_ref = _ref(gps.get(GPS.GPSLatitudeRef)), _ref(gps.get(GPS.GPSLongitudeRef))
    if lat is None or lng is None or lat_ref not in ("N", "S") or lng_ref not in ("E", "W"):
        return None
    if lat == 0 and lng == 0:
        return None  # "Null Island": a GPS without a fix
    try:
        return LatLng(-lat if lat_ref == "S" else lat, -lng if lng_ref == "W" else lng)
    except ValidationError:
        return None


def _taken_at_from(exif) -> dt.datetime | None:
    if exif is None:
        return None
    tags = exif.get_ifd(IFD.Exif)
    for time_tag, offset_tag in ((Base.DateTimeOriginal, Base.OffsetTimeOriginal),
                                 (Base.DateTimeDigitized, Base.OffsetTimeDigitized)):
        text = tags.get(time_tag)
        if isinstance(text, bytes):
            text = text.decode("ascii", "ignore")
        text = str(text or "").strip("\x00 ")
        try:
            moment = dt.datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
        except ValueError:
            continue
        offset = str(tags.get(offset_tag) or "").strip("\x00 ")
        try:
            zone = dt.datetime.strptime(offset, "%z").tzinfo if offset else None
        except ValueError:
            zone = None
        if zone is not None:
            return moment.replace(tzinfo=zone)
        return timezone.make_aware(moment, timezone.get_default_timezone())
    return None


def photo_position(source) -> LatLng | None:
    """Where a photo was taken, from its EXIF GPS tags; None when it carries no usable position."""
    return _position_from(_exif(source))


def photo_taken_at(source) -> dt.datetime | None:
    """When a photo was taken (aware datetime), from its EXIF; None when it carries no capture time."""
    return _taken_at_from(_exif(source))


@dataclass(frozen=True)
class PhotoPlace:
    position: LatLng | None
    taken_at: dt.datetime | None


def photo_place(source) -> PhotoPlace:
    """Position and capture time of a photo, reading its EXIF once."""
    exif = _exif(source)
    return PhotoPlace(position=_position_from(exif), taken_at=_taken_at_from(exif))
