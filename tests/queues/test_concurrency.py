"""Real concurrency on PostgreSQL: threads, each with its own connection."""

import pytest
from django.db import connection

from balai.queues import services
from balai.queues.models import Ticket
from tests.support.threads import run_in_threads

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]



@pytest.fixture
def hall_setup():
    from tests.queues.factories import light_offices, make_hall

    light_offices()
    return make_hall(daily_quota=1000)


def test_hundred_tickets_issued_at_once_get_hundred_consecutive_numbers(hall_setup):
    hall, service = hall_setup["hall"], hall_setup["ktp"]

    def two_tickets(_i):
        return [services.ticket_issue(hall=hall, service=service).seq for _ in range(2)]

    # 50 connections at once, two numbers each: PostgreSQL's default max_connections is 100, and the
    # test process and other test workers hold connections too.
    results, errors = run_in_threads(50, two_tickets)
    assert errors == []
    assert sorted(seq for pair in results for seq in pair) == list(range(1, 101))
    assert sorted(Ticket.objects.values_list("seq", flat=True)) == list(range(1, 101))


def test_two_counters_calling_at_once_never_get_the_same_ticket(hall_setup):
    hall = hall_setup["hall"]
    for _ in range(6):
        services.ticket_issue(hall=hall, service=hall_setup["ktp"])
    one, two = hall_setup["counters"][0], hall_setup["counters"][1]
    for _round in range(3):
        results, errors = run_in_threads(2, lambda i: services.counter_call_next(counter=(one, two)[i]))
        assert errors == []
        numbers = [t.number for t in results]
        assert None not in numbers and len(set(numbers)) == 2
        for t in results:
            services.ticket_no_show(ticket=t, counter=t.counter)
    assert Ticket.objects.filter(status="no_show").count() == 6
    assert Ticket.objects.values("counter").distinct().count() == 2
