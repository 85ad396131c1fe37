"""Who may change the register is checked once, inside the services: a write by a person whose acting
membership is not the operator or secretary of the record's own village is refused, whoever calls it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from balai.regions.models import Region
from balai.registry import codes, services
from balai.registry.identity import make_kk, make_nik
from balai.registry.models import Family, Person, Welfare

from .helpers import SARONGAN, family, next_serial, person

REFUSED = "Anda tidak berwenang mengubah data penduduk desa ini"


def _membership(world, role):
    return world.user(role).memberships.get()


def _as(world, role):
    return {"actor": world.user(role), "membership": _membership(world, role)}


def _new_person_kwargs(fam):
    return {"village": fam.village, "family": fam, "name": "Sri Wahyuni", "sex": codes.Sex.FEMALE,
            "birth_date": datetime.date(1990, 4, 2), "relationship": codes.Relationship.WIFE,
            "nik": make_nik("351001", datetime.date(1990, 4, 2), codes.Sex.FEMALE, next_serial())}


@pytest.mark.parametrize("role", ["other_operator", "head", "verifier", "district_head", "agency_officer",
                                  "administrator", "viewer"])
def test_every_register_write_refuses_a_membership_that_may_not_edit_this_village(world, role):
    fam = family()
    head = person(fam)
    other = family()
    by = _as(world, role)
    writes = [
        lambda: services.person_create(**by, **_new_person_kwargs(fam)),
        lambda: services.person_update(**by, person=head, name="Nama Baru"),
        lambda: services.family_create(**by, village=fam.village, address="Jl. Baru 1",
                                       kk_number=make_kk("351001", datetime.date(2016, 1, 4), next_serial())),
        lambda: services.family_update(**by, family=fam, address="Jl. Lain 2"),
        lambda: services.household_join(**by, family=fam, other_kk=other.kk_number),
        lambda: services.household_leave(**by, family=fam),
        lambda: services.life_event_record(**by, kind="death", date=datetime.date(2026, 2, 1), person=head),
        lambda: services.life_event_record(**by, kind="birth", date=datetime.date(2026, 1, 10), family=fam,
                                           child={"name": "Bayi", "sex": codes.Sex.MALE}),
        lambda: services.welfare_record(**by, family=fam, decile=3, source=codes.WelfareSource.values[0],
                                        date=datetime.date(2026, 1, 5)),
        lambda: services.schooling_record(**by, person=head, level=codes.SchoolLevel.values[0]),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied, match=REFUSED):
            write()
    # Nothing was written: the two families, the one person, unchanged; no welfare row.
    assert Person.objects.count() == 1 and Family.objects.count() == 2 and not Welfare.objects.exists()
    head.refresh_from_db()
    assert head.name == "Budi Santoso" and head.life_status == codes.LifeStatus.ALIVE


def test_a_person_writing_without_an_acting_membership_is_refused(world):
    fam = family()
    with pytest.raises(PermissionDenied, match=REFUSED):
        services.family_update(actor=world.user("operator"), family=fam, address="Jl. Lain 2")


def test_a_membership_is_used_only_by_its_own_user(world):
    fam = family()
    with pytest.raises(PermissionDenied, match=REFUSED):
        services.family_update(actor=world.user("other_operator"), membership=_membership(world, "operator"),
                               family=fam, address="Jl. Lain 2")


@pytest.mark.parametrize("role", ["operator", "secretary"])
def test_the_village_operator_and_secretary_write_their_own_register(world, role):
    fam = family()
    by = _as(world, role)
    services.family_update(**by, family=fam, address="Jl. Lain 2")
    created = services.person_create(**by, **_new_person_kwargs(fam))
    event = services.life_event_record(**by, kind="birth", date=datetime.date(2026, 1, 10), family=fam,
                                       child={"name": "Bayi", "sex": codes.Sex.MALE})
    assert Family.objects.get(pk=fam.pk).address == "Jl. Lain 2"
    assert created.village_id == SARONGAN and event.person.family_id == fam.pk
    assert Person.objects.filter(family=fam).count() == 2


def test_the_operator_of_sarongan_cannot_write_the_register_of_sumberagung(world):
    fam = family("35.10.01.2004")
    with pytest.raises(PermissionDenied, match=REFUSED):
        services.person_create(**_as(world, "operator"), **{**_new_person_kwargs(fam),
                                                            "village": Region.objects.get(code="35.10.01.2004")})
    assert not Person.objects.exists()
