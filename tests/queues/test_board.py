from django.utils import timezone

from balai.queues import services
from balai.queues.selectors import board_state


def test_board_shows_the_number_at_each_counter_and_the_last_calls(mpp, client):
    hall = mpp["hall"]
    first = services.ticket_issue(hall=hall, service=mpp["ktp"])
    second = services.ticket_issue(hall=hall, service=mpp["izin"])
    services.ticket_issue(hall=hall, service=mpp["ktp"])
    services.counter_call_next(counter=mpp["counters"][0])
    services.counter_call_next(counter=mpp["counters"][2])
    services.ticket_recall(ticket=second, counter=mpp["counters"][2])
    state = client.get("/api/v1/halls/mpp/board/").json()
    counters = {c["number"]: c["ticket"] for c in state["counters"]}
    assert counters == {1: first.number, 2: None, 3: second.number}
    assert [(c["number"], c["counter"], c["recall"]) for c in state["calls"]] == [
        (second.number, 3, True), (second.number, 3, False), (first.number, 1, False)]
    assert state["waiting"] == {"A": 1} and state["hall"]["name"] == hall.name


def test_board_state_costs_a_fixed_number_of_queries(mpp, django_assert_max_num_queries):
    hall = mpp["hall"]
    for _ in range(20):
        services.ticket_issue(hall=hall, service=mpp["ktp"])
    for counter in mpp["counters"][:2]:
        services.counter_call_next(counter=counter)
    with django_assert_max_num_queries(6):  # version, hall, counters, current, calls, waiting
        board_state(hall, timezone.now())
    with django_assert_max_num_queries(1):  # unchanged queue: only the version lookup
        board_state(hall, timezone.now())


def test_board_page_is_public_and_loads_its_script_without_inline_code(mpp, client):
    page = client.get("/antrean/mpp/layar/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "queues/board.js" in content and 'data-state-url="/api/v1/halls/mpp/board/"' in content
    assert "style=" not in content


def test_phone_page_polls_its_status_partial(mpp, client):
    ticket = services.ticket_issue(hall=mpp["hall"], service=mpp["ktp"])
    page = client.get(f"/antrean/tiket/{ticket.public_id}/").content.decode()
    assert f'hx-get="/antrean/tiket/{ticket.public_id}/status/"' in page and 'hx-trigger="every 10s"' in page
    partial = client.get(f"/antrean/tiket/{ticket.public_id}/status/").content.decode()
    assert "antrean di depan Anda" in partial


def test_the_cached_board_state_changes_with_every_queue_event(mpp):
    hall = mpp["hall"]
    ticket = services.ticket_issue(hall=hall, service=mpp["ktp"])
    before = board_state(hall)
    assert before["waiting"] == {"A": 1} and before["calls"] == []
    services.counter_call_next(counter=mpp["counters"][1])
    after = board_state(hall)
    assert after["waiting"] == {} and after["calls"][0]["number"] == ticket.number
    assert {c["number"]: c["ticket"] for c in after["counters"]}[2] == ticket.number
