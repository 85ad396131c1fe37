"""NIK and KK rules from the domain note: structure errors name the wrong part; disagreements warn."""

import datetime

import pytest

from balai.registry import codes
from balai.registry.identity import check_kk, check_nik, make_nik, mask_nik, temporary_number

TODAY = datetime.date(2026, 6, 1)


def test_a_well_formed_nik_of_a_woman_gives_her_birth_date_and_sex():
    check = check_nik("3510015208900012", today=TODAY)
    assert check.ok and check.warnings == []
    assert check.birth_date == datetime.date(1990, 8, 12)
    assert check.sex == codes.Sex.FEMALE


def test_spaces_and_dots_typed_in_a_nik_are_ignored():
    assert check_nik("3510 0152 0890 0012", today=TODAY).number == "3510015208900012"


@pytest.mark.parametrize("nik, words", [
    ("351001520890001", "16 digit"),
    ("35100152089000AB", "angka"),
    ("9910011208900012", "Digit 1–2"),
    ("3510013208900012", "Digit 7–12"),
    ("3510017213900012", "Digit 7–12"),
    ("3510011208900000", "Digit 13–16"),
])
def test_structure_errors_reject_the_nik_and_name_the_wrong_part(nik, words):
    check = check_nik(nik, today=TODAY)
    assert not check.ok
    assert any(words in message for message in check.errors), check.errors


def test_an_unknown_kecamatan_code_is_only_a_warning():
    check = check_nik("3510991208900012", today=TODAY)
    assert check.ok
    assert any("Digit 3–6" in w for w in check.warnings)


def test_a_birth_date_that_disagrees_with_the_nik_is_a_warning_not_an_error():
    check = check_nik("3510011208900012", birth_date=datetime.date(1990, 8, 13), sex=codes.Sex.MALE, today=TODAY)
    assert check.ok
    assert len(check.warnings) == 1 and "Tanggal lahir" in check.warnings[0]


def test_a_sex_that_disagrees_with_the_nik_is_a_warning_not_an_error():
    check = check_nik("3510011208900012", birth_date=datetime.date(1990, 8, 12), sex=codes.Sex.FEMALE, today=TODAY)
    assert check.ok
    assert len(check.warnings) == 1 and "Jenis kelamin" in check.warnings[0]


def test_the_century_is_the_latest_year_not_in_the_future():
    assert check_nik("3510010101250001", today=TODAY).birth_date == datetime.date(2025, 1, 1)
    assert check_nik("3510010107260001", today=TODAY).birth_date == datetime.date(1926, 7, 1)


def test_a_temporary_number_is_accepted_and_flagged():
    number = temporary_number("35.10.01.2001", 7)
    assert number == "0351001200100007"
    check = check_nik(number, today=TODAY)
    assert check.ok and check.temporary and check.warnings


def test_kk_numbers_have_a_registration_date_without_the_plus_40():
    assert check_kk("3510011203150001", today=TODAY).ok
    bad = check_kk("3510015203150001", today=TODAY)
    assert not bad.ok and "Digit 7–12" in bad.errors[0]


def test_generated_niks_are_valid_and_carry_the_sex():
    nik = make_nik("351001", datetime.date(2001, 2, 3), codes.Sex.FEMALE, 12)
    assert nik == "3510014302010012"
    assert check_nik(nik, birth_date=datetime.date(2001, 2, 3), sex=codes.Sex.FEMALE, today=TODAY).warnings == []


def test_lists_show_the_nik_masked():
    assert mask_nik("3510015208900012") == "3510••••••••0012"
