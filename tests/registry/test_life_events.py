"""Life events change the register, keep a log, and tell later modules when someone leaves."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from balai.registry import codes, services
from balai.registry.models import LifeEvent, Person
from balai.registry.signals import person_left

from .helpers import family, person

pytestmark = pytest.mark.usefixtures("regions")


@pytest.fixture
def left_signals():
    received = []

    def receiver(sender, person, event, **kwargs):
        received.append((person.pk, event.kind))

    person_left.connect(receiver)
    yield received
    person_left.disconnect(receiver)


def test_a_birth_adds_a_flagged_child_to_the_family(django_capture_on_commit_callbacks):
    fam = family()
    person(fam)
    event = services.life_event_record(kind="birth", date=datetime.date(2026, 1, 10), family=fam,
                                       child={"name": "Dewi Lestari", "sex": codes.Sex.FEMALE})
    child = event.person
    assert child.family == fam and child.relationship == codes.Relationship.CHILD
    assert child.nik_is_temporary and child.birth_date == datetime.date(2026, 1, 10)
    assert fam.members.count() == 2


def test_a_death_closes_the_record_and_sends_person_left(django_capture_on_commit_callbacks, left_signals):
    resident = person()
    with django_capture_on_commit_callbacks(execute=True):
        services.life_event_record(kind="death", date=datetime.date(2026, 2, 1), person=resident, note="sakit")
    resident.refresh_from_db()
    assert resident.life_status == codes.LifeStatus.DEAD
    assert left_signals == [(resident.pk, "death")]
    assert LifeEvent.objects.get(person=resident).previous_life_status == codes.LifeStatus.ALIVE


def test_a_move_out_closes_the_residence_and_sends_person_left(django_capture_on_commit_callbacks, left_signals):
    resident = person()
    with django_capture_on_commit_callbacks(execute=True):
        services.life_event_record(kind="move_out", date=datetime.date(2026, 2, 1), person=resident,
                                   destination="Surabaya")
    resident.refresh_from_db()
    assert resident.life_status == codes.LifeStatus.MOVED
    assert left_signals == [(resident.pk, "move_out")]


def test_going_missing_does_not_send_person_left(django_capture_on_commit_callbacks, left_signals):
    resident = person()
    with django_capture_on_commit_callbacks(execute=True):
        services.life_event_record(kind="missing", date=datetime.date(2026, 2, 1), person=resident)
    assert Person.objects.get(pk=resident.pk).life_status == codes.LifeStatus.MISSING
    assert left_signals == []


def test_no_event_can_be_recorded_for_a_dead_person():
    resident = person()
    services.life_event_record(kind="death", date=datetime.date(2026, 2, 1), person=resident)
    with pytest.raises(ValidationError):
        services.life_event_record(kind="move_out", date=datetime.date(2026, 2, 2), person=resident)
    with pytest.raises(ValidationError):
        services.life_event_record(kind="move_in", date=datetime.date(2026, 2, 2), person=resident)


def test_a_person_who_moved_away_can_move_back_in_and_both_events_stay_in_the_log():
    resident = person()
    services.life_event_record(kind="move_out", date=datetime.date(2025, 2, 1), person=resident)
    services.life_event_record(kind="move_in", date=datetime.date(2026, 2, 1), person=resident)
    resident.refresh_from_db()
    assert resident.life_status == codes.LifeStatus.ALIVE
    assert list(resident.events.order_by("date").values_list("kind", flat=True)) == ["move_out", "move_in"]


def test_an_event_in_the_future_is_refused():
    resident = person()
    with pytest.raises(ValidationError):
        services.life_event_record(kind="death", date=datetime.date.today() + datetime.timedelta(days=2),
                                   person=resident)


def test_a_dying_family_head_leaves_a_warning_to_name_a_new_head():
    fam = family()
    head = person(fam)
    event = services.life_event_record(kind="death", date=datetime.date(2026, 2, 1), person=head)
    assert event.warnings
