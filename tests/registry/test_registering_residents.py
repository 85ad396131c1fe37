"""Registering residents and families through the services: NIK rules, duplicates, temporary numbers."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from balai.regions.models import Region
from balai.registry import codes, services
from balai.registry.models import Person

from .helpers import SARONGAN, family, person


@pytest.fixture
def sarongan(regions):
    return Region.objects.get(code=SARONGAN)


def test_a_resident_with_a_valid_nik_is_registered_and_becomes_head_of_a_headless_family(sarongan):
    fam = family()
    head = person(fam, name="  Siti   Aminah ", sex=codes.Sex.FEMALE)
    fam.refresh_from_db()
    assert fam.head == head
    assert head.name == "Siti Aminah" and head.name_search == "siti aminah"
    assert head.warnings == []


def test_a_nik_that_disagrees_with_the_birth_date_is_saved_with_a_warning(sarongan):
    saved = services.person_create(village=sarongan, nik="3510011208900012", name="Agus", sex=codes.Sex.MALE,
                                   birth_date=datetime.date(1990, 8, 21))
    assert Person.objects.filter(pk=saved.pk).exists()
    assert any("Tanggal lahir" in w for w in saved.warnings)


def test_a_malformed_nik_is_refused_with_the_wrong_part_named(sarongan):
    with pytest.raises(ValidationError) as error:
        services.person_create(village=sarongan, nik="3510013208900012", name="Agus", sex=codes.Sex.MALE,
                               birth_date=datetime.date(1990, 8, 12))
    assert "Digit 7–12" in error.value.message_dict["nik"][0]
    assert not Person.objects.exists()


def test_a_duplicate_nik_is_refused(sarongan):
    first = person()
    with pytest.raises(ValidationError) as error:
        services.person_create(village=sarongan, nik=first.nik, name="Orang Lain", sex=first.sex,
                               birth_date=first.birth_date)
    assert "sudah terdaftar" in error.value.message_dict["nik"][0]
    assert Person.objects.count() == 1


def test_residents_without_a_nik_get_flagged_sequential_temporary_numbers(sarongan):
    one = services.person_create(village=sarongan, temporary=True, name="Bayi Satu", sex=codes.Sex.MALE,
                                 birth_date=datetime.date(2026, 1, 5))
    two = services.person_create(village=sarongan, temporary=True, name="Bayi Dua", sex=codes.Sex.FEMALE,
                                 birth_date=datetime.date(2026, 1, 6))
    assert one.nik_is_temporary and two.nik_is_temporary
    assert (one.nik, two.nik) == ("0351001200100001", "0351001200100002")
    assert Person.objects.filter(nik_is_temporary=True).count() == 2


def test_replacing_a_temporary_number_by_the_real_nik_clears_the_flag(sarongan):
    baby = services.person_create(village=sarongan, temporary=True, name="Bayi", sex=codes.Sex.FEMALE,
                                  birth_date=datetime.date(2026, 1, 5))
    updated = services.person_update(person=baby, nik="3510014501260001")
    assert updated.nik == "3510014501260001" and not updated.nik_is_temporary


def test_a_missing_nik_without_the_temporary_flag_is_refused(sarongan):
    with pytest.raises(ValidationError) as error:
        services.person_create(village=sarongan, nik="", name="Tanpa NIK", sex=codes.Sex.MALE,
                               birth_date=datetime.date(1990, 1, 1))
    assert "nik" in error.value.message_dict


def test_a_family_number_may_change_and_the_history_keeps_the_old_one(sarongan):
    fam = family()
    old = fam.kk_number
    services.family_update(family=fam, kk_number="3510010102200001")
    fam.refresh_from_db()
    assert fam.kk_number == "3510010102200001"
    assert old in set(fam.history.values_list("kk_number", flat=True))


def test_a_person_cannot_join_a_family_of_another_village(sarongan):
    fam = family("35.10.01.2004")
    with pytest.raises(ValidationError) as error:
        person(fam, village_code=SARONGAN)
    assert "family" in error.value.message_dict


def test_person_changes_are_kept_in_the_history(sarongan):
    resident = person()
    services.person_update(person=resident, occupation=codes.Occupation.FISHER)
    assert resident.history.count() == 2
