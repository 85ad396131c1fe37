"""State lives in the database: after every connection is closed (as when the server restarts),
the queue continues where it was."""

import pytest
from django.db import connections

from balai.queues import services
from balai.queues.models import Ticket
from balai.queues.selectors import board_state


@pytest.mark.django_db(transaction=True)
def test_a_restart_mid_call_loses_no_ticket_and_no_call():
    from tests.queues.factories import light_offices, make_hall

    light_offices()
    mpp = make_hall()
    hall, counter = mpp["hall"], mpp["counters"][0]
    tickets = [services.ticket_issue(hall=hall, service=mpp["ktp"]) for _ in range(3)]
    called = services.counter_call_next(counter=counter)
    connections.close_all()  # the "restart": nothing survives in memory except what the DB holds

    state = board_state(type(hall).objects.get(pk=hall.pk))
    assert {c["number"]: c["ticket"] for c in state["counters"]}[1] == called.number
    assert services.counter_current(counter) == called
    services.ticket_start(ticket=called, counter=counter)
    services.ticket_finish(ticket=called, counter=counter)
    assert services.counter_call_next(counter=counter).number == tickets[1].number
    assert services.ticket_issue(hall=hall, service=mpp["ktp"]).number == "A-004"  # numbering continues
    assert Ticket.objects.count() == 4
