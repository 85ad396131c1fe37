"""Access to the population registry: scoped reads, village-only edits, citizens' own record."""

import datetime

from tests.support.world import STAFF_ROLES, VILLAGE

READERS = {"operator", "secretary", "head", "other_operator", "verifier", "district_head", "agency_officer",
           "counter_officer", "administrator", "auditor"}
# A Sarongan record: everyone who reads, except the operator of the neighbouring village.
SARONGAN_READERS = READERS - {"other_operator"}
EDITORS = {"operator", "secretary", "other_operator"}
SARONGAN_EDITORS = {"operator", "secretary"}


def SETUP(world):  # noqa: N802 (name fixed by the walker)
    from balai.regions.models import Region
    from balai.registry import codes, services
    from balai.registry.models import Schooling, Welfare

    village = Region.objects.get(code=VILLAGE)
    family = services.family_create(village=village, kk_number="3510011203150001", address="Jl. Pantai 1")
    person = services.person_create(village=village, nik="3510012303850001", name="Slamet Riyadi",
                                    sex=codes.Sex.MALE, birth_date=datetime.date(1985, 3, 23), family=family,
                                    relationship=codes.Relationship.HEAD, event_kind="move_in",
                                    event_date=datetime.date(2020, 1, 2))
    child = services.person_create(village=village, nik="3510015204120002", name="Sri Wahyuni",
                                   sex=codes.Sex.FEMALE, birth_date=datetime.date(2012, 4, 12), family=family,
                                   relationship=codes.Relationship.CHILD)
    welfare = Welfare.objects.create(family=family, decile=2, source="DTSEN", date=datetime.date(2025, 6, 1))
    schooling = Schooling.objects.create(person=child, level="SMP", grade=8, status="enrolled", school="SMPN 1")
    world.extra.update(person=person, family=family, event=person.events.first(), welfare=welfare,
                       schooling=schooling)


EXPECTED = {
    "registry:search": READERS,
    "registry:person": SARONGAN_READERS,
    "registry:family": SARONGAN_READERS,
    "registry:person_create": EDITORS,
    "registry:family_create": EDITORS,
    "registry:nik_check": EDITORS,
    "registry:person_edit": SARONGAN_EDITORS,
    "registry:family_edit": SARONGAN_EDITORS,
    "registry:event_create": SARONGAN_EDITORS,
    "registry:birth_create": SARONGAN_EDITORS,
    "registry:welfare_create": SARONGAN_EDITORS,
    "registry:household_edit": SARONGAN_EDITORS,
    "registry:schooling_update": SARONGAN_EDITORS,
    "registry:statistics": STAFF_ROLES,
    "registry:my_record": {"citizen"},
    "registry:citizen_link": {"citizen"},
    "person-list": READERS,
    "person-detail": SARONGAN_READERS,
    "family-list": READERS,
    "family-detail": SARONGAN_READERS,
    "lifeevent-list": READERS,
    "lifeevent-detail": SARONGAN_READERS,
    "welfare-list": READERS,
    "welfare-detail": SARONGAN_READERS,
    "schooling-list": READERS,
    "schooling-detail": SARONGAN_READERS,
}

PARAMS = {
    "registry:person": lambda world: {"public_id": world.extra["person"].public_id},
    "registry:person_edit": lambda world: {"public_id": world.extra["person"].public_id},
    "registry:event_create": lambda world: {"public_id": world.extra["person"].public_id},
    "registry:family": lambda world: {"public_id": world.extra["family"].public_id},
    "registry:family_edit": lambda world: {"public_id": world.extra["family"].public_id},
    "registry:birth_create": lambda world: {"public_id": world.extra["family"].public_id},
    "registry:welfare_create": lambda world: {"public_id": world.extra["family"].public_id},
    "registry:household_edit": lambda world: {"public_id": world.extra["family"].public_id},
    "registry:schooling_update": lambda world: {"public_id": world.extra["person"].public_id},
    "person-detail": lambda world: {"public_id": world.extra["person"].public_id},
    "family-detail": lambda world: {"public_id": world.extra["family"].public_id},
    "lifeevent-detail": lambda world: {"public_id": world.extra["event"].public_id},
    "welfare-detail": lambda world: {"public_id": world.extra["welfare"].public_id},
    "schooling-detail": lambda world: {"public_id": world.extra["schooling"].public_id},
}
