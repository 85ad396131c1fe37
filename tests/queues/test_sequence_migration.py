"""Ticket counters moved to core.Sequence (queues 0002): a day already under way continues after the
upgrade without reusing a number, and the migration goes back."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("queues", "0001_initial")]
AFTER = [("queues", "0003_delete_dailysequence")]
DAY = datetime.date(2026, 12, 8)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_the_days_ticket_counter_moves_to_core_and_numbering_continues_after_it():
    from tests.queues.factories import light_offices, make_hall

    light_offices()
    setup = make_hall()
    group = setup["A"]
    old = migrate(BEFORE)
    old.get_model("queues", "DailySequence").objects.create(group_id=group.pk, day=DAY, last=41)

    new = migrate(AFTER)
    counter = new.get_model("core", "Sequence").objects.get(key=f"ticket:{group.pk}")
    assert (counter.period, counter.last) == ("2026-12-08", 41)
    from zoneinfo import ZoneInfo

    from balai.queues.services import ticket_issue

    ticket = ticket_issue(hall=setup["hall"], service=setup["ktp"],
                          now=datetime.datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")))
    assert (ticket.seq, ticket.number) == (42, "A-042")

    back = migrate(BEFORE)
    assert back.get_model("queues", "DailySequence").objects.get(group_id=group.pk, day=DAY).last == 42
    migrate(AFTER)  # leave the schema as the other tests expect it
