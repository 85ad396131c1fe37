"""The synthetic population: deterministic, plausible, consistent NIKs, fast set-based loading."""

import datetime

import pytest
from django.core.management import call_command

from balai.regions.models import Region
from balai.registry import codes
from balai.registry.generator import REFERENCE_DATE, generate, person_rows
from balai.registry.identity import check_nik
from balai.registry.models import Family, Person, Schooling, Welfare

pytestmark = pytest.mark.usefixtures("regions")


def villages():
    return list(Region.objects.filter(code__in=["35.10.01.2001", "35.10.01.2004", "35.10.16.1001"]))


def rows(seed, people=400):
    return list(person_rows(generate(people=people, seed=seed, villages=villages())))


def test_the_same_seed_gives_the_same_people():
    assert rows(5) == rows(5)
    assert rows(5) != rows(6)


def test_exactly_the_requested_number_of_people_is_made():
    assert len(rows(3, people=401)) == 401


def test_niks_agree_with_region_sex_and_birth_date():
    for row in rows(7):
        check = check_nik(row["nik"], birth_date=row["birth_date"], sex=row["sex"], today=REFERENCE_DATE)
        assert check.ok and check.warnings == [], (row, check.errors, check.warnings)
        assert row["nik"][:2] == "35"


def test_families_have_one_head_and_plausible_members():
    families = list(generate(people=600, seed=9, villages=villages()))
    for fam in families[:-1]:  # the last family may be cut to reach the exact count
        relationships = [m["relationship"] for m in fam["members"]]
        assert relationships.count(codes.Relationship.HEAD) == 1
        head = fam["members"][0]
        for member in fam["members"]:
            if member["relationship"] == codes.Relationship.CHILD:
                assert member["birth_date"] > head["birth_date"]
    all_members = [m for f in families for m in f["members"]]
    ages = [(REFERENCE_DATE - m["birth_date"]).days // 365 for m in all_members]
    assert sum(a < 15 for a in ages) > 0.12 * len(ages)
    assert sum(a >= 60 for a in ages) > 0.05 * len(ages)
    assert any(len(f["members"]) == 1 and (REFERENCE_DATE - f["members"][0]["birth_date"]).days // 365 >= 70
               for f in families), "some elders live alone"


def test_the_command_loads_people_families_welfare_and_schooling(capsys):
    call_command("generate_population", people=300, seed=11, village=["35.10.01.2001", "35.10.01.2004"])
    assert Person.objects.count() == 300
    assert Family.objects.filter(head__isnull=False).count() == Family.objects.count()
    assert Welfare.objects.exists() and Schooling.objects.exists()
    assert set(Person.objects.values_list("village_id", flat=True)) == {"35.10.01.2001", "35.10.01.2004"}
    assert all(len(n) == 16 for n in Person.objects.values_list("nik", flat=True))


def test_the_command_writes_the_import_csv_instead_when_asked(tmp_path):
    from balai.registry.importing import formats

    out = tmp_path / "people.csv"
    call_command("generate_population", people=50, seed=2, village=["35.10.01.2001"], out=str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == formats.BALAI_COLUMNS
    assert len(lines) == 51
    assert not Person.objects.exists()


def test_schooling_has_some_drop_outs_with_reason_and_date():
    families = list(generate(people=3000, seed=13, villages=villages()))
    school = [m["schooling"] for f in families for m in f["members"] if m["schooling"]]
    dropped = [s for s in school if s["status"] == codes.SchoolStatus.DROPPED_OUT]
    assert school and 0 < len(dropped) < 0.2 * len(school)
    assert all(s["dropout_reason"] and isinstance(s["dropout_date"], datetime.date) for s in dropped)


def nik_maker(seed, village_code, *, own_kecamatan=False, rng_seed=1):
    """A generator's NIK function for one village (``own_kecamatan``: never a code from elsewhere)."""
    import random

    from balai.regions.loading import load_regions
    from balai.registry.generator import Generator

    load_regions("35.10")
    generator = Generator(seed=seed)
    plan = generator.plan(Region.objects.get(code=village_code))
    rng = random.Random(rng_seed)
    if own_kecamatan:
        rng.random = lambda: 0.0
    return lambda born, sex: generator._nik(rng, plan, born, sex)


@pytest.mark.django_db
def test_generated_niks_do_not_all_end_in_the_same_four_digits():
    nik = nik_maker(7, "35.10.01.2001")
    niks = {nik(datetime.date(1990, 1, day), 1) for day in range(1, 29)}
    assert len({n[-4:] for n in niks}) > 20


@pytest.mark.django_db
def test_people_born_a_century_apart_on_the_same_day_get_different_niks():
    nik = nik_maker(1, "35.10.01.2001", own_kecamatan=True, rng_seed=3)
    old = nik(datetime.date(1915, 8, 11), 2)
    young = nik(datetime.date(2015, 8, 11), 2)
    assert old[:12] == young[:12] and old != young


@pytest.mark.django_db
def test_sex_given_as_a_code_or_as_a_number_counts_in_one_series_of_serials():
    nik = nik_maker(1, "35.10.02.2001", own_kecamatan=True, rng_seed=3)
    born = datetime.date(1959, 2, 22)
    niks = [nik(born, sex) for sex in (codes.Sex.MALE, 1, codes.Sex.MALE, 1, 1)]
    serials = [int(n[12:]) for n in niks]
    # One key, one series: each serial follows the previous one, whichever way sex was written (the
    # start used to be hashed from the key's repr, which differs, and 1.7 M people had 7 NIKs twice).
    assert all(b == a % 9999 + 1 for a, b in zip(serials, serials[1:], strict=False)), serials
