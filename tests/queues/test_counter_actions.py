from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from balai.queues import services
from balai.queues.models import Ticket, TicketEvent, TicketNotification

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 in Jakarta


def at(minutes):
    return T0 + timedelta(minutes=minutes)


def issue(mpp, service="ktp", priority="", minute=0):
    return services.ticket_issue(hall=mpp["hall"], service=mpp[service], priority=priority, now=at(minute))


def test_call_next_takes_priority_visitors_first_then_arrival_order(mpp):
    a1 = issue(mpp, minute=0)
    a2 = issue(mpp, minute=1)
    elderly = issue(mpp, priority="elderly", minute=2)
    pregnant = issue(mpp, "kk", priority="pregnant", minute=3)
    counter = mpp["counters"][0]
    order = []
    for minute in range(10, 14):
        ticket = services.counter_call_next(counter=counter, now=at(minute))
        order.append(ticket.number)
        services.ticket_no_show(ticket=ticket, counter=counter, now=at(minute))
    assert order == [elderly.number, pregnant.number, a1.number, a2.number]
    assert services.counter_call_next(counter=counter, now=at(20)) is None


def test_a_counter_calls_only_the_services_of_its_agencies(mpp):
    issue(mpp, "izin")
    dukcapil, perizinan = mpp["counters"][0], mpp["counters"][2]
    assert services.counter_call_next(counter=dukcapil, now=at(5)) is None
    assert services.counter_call_next(counter=perizinan, now=at(5)).number == "B-001"


def test_two_counters_never_get_the_same_ticket_one_after_another(mpp):
    issue(mpp)
    one, two = mpp["counters"][0], mpp["counters"][1]
    assert services.counter_call_next(counter=one, now=at(5)) is not None
    assert services.counter_call_next(counter=two, now=at(5)) is None


def test_every_action_is_an_event_row_with_its_time_and_the_ticket_keeps_the_timestamps(mpp):
    ticket = issue(mpp)
    counter = mpp["counters"][0]
    services.counter_call_next(counter=counter, now=at(4))
    services.ticket_recall(ticket=ticket, counter=counter, now=at(5))
    services.ticket_start(ticket=ticket, counter=counter, now=at(6))
    services.ticket_finish(ticket=ticket, counter=counter, now=at(16))
    kinds = list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", "at"))
    assert kinds == [("issued", at(0)), ("called", at(4)), ("recalled", at(5)), ("started", at(6)), ("finished", at(16))]
    ticket.refresh_from_db()
    assert (ticket.status, ticket.called_at, ticket.started_at, ticket.finished_at, ticket.call_count) == (
        "done", at(4), at(6), at(16), 2)


def test_a_counter_must_close_its_current_ticket_before_calling_the_next(mpp):
    issue(mpp)
    issue(mpp, minute=1)
    counter = mpp["counters"][0]
    services.counter_call_next(counter=counter, now=at(2))
    with pytest.raises(ValidationError, match="dulu"):
        services.counter_call_next(counter=counter, now=at(3))


def test_another_counter_cannot_act_on_a_ticket_it_did_not_call(mpp):
    ticket = issue(mpp)
    services.counter_call_next(counter=mpp["counters"][0], now=at(1))
    with pytest.raises(ValidationError, match="tidak sedang ditangani"):
        services.ticket_start(ticket=ticket, counter=mpp["counters"][1], now=at(2))


def test_transfer_to_another_counter_puts_the_visitor_in_that_counters_queue(mpp):
    ticket = issue(mpp)
    one, two, three = mpp["counters"]
    services.counter_call_next(counter=one, now=at(1))
    services.ticket_start(ticket=ticket, counter=one, now=at(2))
    services.ticket_transfer(ticket=ticket, counter=one, to_counter=three, now=at(3))
    assert services.counter_call_next(counter=two, now=at(4)) is None  # only the target counter may call it
    assert services.counter_call_next(counter=three, now=at(4)).number == ticket.number
    assert TicketEvent.objects.filter(ticket=ticket, kind="transferred", note=three.label).exists()


def test_transfer_to_another_service_changes_the_service_and_queue(mpp):
    ticket = issue(mpp)
    one, _two, three = mpp["counters"]
    services.counter_call_next(counter=one, now=at(1))
    services.ticket_transfer(ticket=ticket, counter=one, to_service=mpp["izin"], now=at(2))
    ticket.refresh_from_db()
    assert ticket.service == mpp["izin"] and ticket.status == "waiting"
    assert services.counter_call_next(counter=three, now=at(3)).pk == ticket.pk


def test_position_and_estimated_wait_use_recent_service_times(mpp):
    counter = mpp["counters"][0]
    first = issue(mpp, minute=0)
    services.counter_call_next(counter=counter, now=at(1))
    services.ticket_start(ticket=first, counter=counter, now=at(1))
    services.ticket_finish(ticket=first, counter=counter, now=at(11))  # 10 minutes of service
    waiting = [issue(mpp, minute=20 + i) for i in range(3)]
    estimate = services.ticket_estimate(waiting[2])
    # Two ahead, ten minutes each, two Dukcapil counters: (2 + 1) × 10 / 2 = 15 minutes.
    assert estimate == {"ahead": 2, "wait_minutes": 15}


def test_the_visitor_with_three_ahead_is_notified_once(mpp):
    counter = mpp["counters"][0]
    tickets = [issue(mpp, minute=i) for i in range(5)]
    services.counter_call_next(counter=counter, now=at(10))
    notices = TicketNotification.objects.all()
    assert [n.ticket_id for n in notices] == [tickets[4].pk]
    assert "tinggal 3 nomor" in notices[0].message
    services.ticket_no_show(ticket=tickets[0], counter=counter, now=at(11))
    services.counter_call_next(counter=counter, now=at(12))
    assert TicketNotification.objects.filter(ticket=tickets[4]).count() == 1


def test_the_status_api_reports_position_after_calls(mpp, client):
    tickets = [issue(mpp, minute=i) for i in range(3)]
    assert client.get(f"/api/v1/tickets/{tickets[2].public_id}/").json()["ahead"] == 2
    Ticket.objects.filter(pk=tickets[0].pk).update(status="done")
    assert client.get(f"/api/v1/tickets/{tickets[2].public_id}/").json()["ahead"] == 1
