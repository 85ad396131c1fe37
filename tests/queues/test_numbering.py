from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from balai.queues import services
from balai.queues.models import HallService, Ticket, TicketEvent

# 23:58 and 00:01 in Jakarta (UTC+7): the same UTC date, two local days.
BEFORE_MIDNIGHT = datetime(2026, 3, 2, 16, 58, tzinfo=UTC)
AFTER_MIDNIGHT = datetime(2026, 3, 2, 17, 1, tzinfo=UTC)


def test_numbers_run_per_queue_group_with_the_group_prefix(mpp):
    hall = mpp["hall"]
    numbers = [services.ticket_issue(hall=hall, service=s, now=BEFORE_MIDNIGHT).number
               for s in (mpp["ktp"], mpp["kk"], mpp["izin"], mpp["ktp"])]
    assert numbers == ["A-001", "A-002", "B-001", "A-003"]


def test_numbers_restart_at_midnight_in_jakarta_not_utc(mpp):
    hall = mpp["hall"]
    first = services.ticket_issue(hall=hall, service=mpp["ktp"], now=BEFORE_MIDNIGHT)
    second = services.ticket_issue(hall=hall, service=mpp["ktp"], now=BEFORE_MIDNIGHT)
    next_day = services.ticket_issue(hall=hall, service=mpp["ktp"], now=AFTER_MIDNIGHT)
    assert (first.number, second.number, next_day.number) == ("A-001", "A-002", "A-001")
    assert str(first.day) == "2026-03-02" and str(next_day.day) == "2026-03-03"


def test_issuing_a_number_writes_an_issued_event_with_its_time(mpp):
    ticket = services.ticket_issue(hall=mpp["hall"], service=mpp["ktp"], now=BEFORE_MIDNIGHT)
    event = TicketEvent.objects.get(ticket=ticket)
    assert event.kind == TicketEvent.Kind.ISSUED and event.at == BEFORE_MIDNIGHT == ticket.arrived_at


def test_daily_quota_stops_issuing_with_a_clear_message(mpp):
    HallService.objects.filter(service=mpp["kk"]).update(daily_quota=2)
    for _ in range(2):
        services.ticket_issue(hall=mpp["hall"], service=mpp["kk"], now=BEFORE_MIDNIGHT)
    with pytest.raises(ValidationError, match="Kuota"):
        services.ticket_issue(hall=mpp["hall"], service=mpp["kk"], now=BEFORE_MIDNIGHT)
    assert services.ticket_issue(hall=mpp["hall"], service=mpp["kk"], now=AFTER_MIDNIGHT).number == "A-001"


def test_a_closed_hall_hands_out_no_numbers(mpp):
    hall = mpp["hall"]
    hall.open_days = "01234"  # Monday–Friday; 2026-03-07 is a Saturday
    hall.save()
    with pytest.raises(ValidationError, match="tutup"):
        services.ticket_issue(hall=hall, service=mpp["ktp"], now=datetime(2026, 3, 7, 3, 0, tzinfo=UTC))
    assert not Ticket.objects.exists()


def test_a_service_not_offered_in_the_hall_is_refused(mpp):
    from tests.queues.factories import make_service

    other = make_service("uji-lain", "dinsos")
    with pytest.raises(ValidationError, match="tidak dilayani"):
        services.ticket_issue(hall=mpp["hall"], service=other, now=BEFORE_MIDNIGHT)


def test_kiosk_takes_a_ticket_and_shows_the_printable_ticket(mpp, client):
    response = client.post(f"/antrean/{mpp['hall'].code}/kios/", {"service": "uji-ktp-el", "priority": "elderly"})
    ticket = Ticket.objects.get()
    assert response.status_code == 302 and ticket.public_id in response["Location"]
    assert ticket.priority == "elderly" and ticket.rank == 0
    page = client.get(response["Location"])
    assert ticket.number.encode() in page.content and b"thermal" in page.content
    assert client.get(f"/antrean/tiket/{ticket.public_id}/cetak/?lebar=58").content.count(b"paper-58") == 1


def test_public_ticket_api_answers_the_number_and_a_status_link(mpp, client):
    response = client.post("/api/v1/tickets/", {"hall": "mpp", "service": "uji-nib"}, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"] == "B-001"
    assert body["status_url"].endswith(f"/antrean/tiket/{body['public_id']}/")
    status = client.get(f"/api/v1/tickets/{body['public_id']}/").json()
    assert status["status"] == "waiting" and status["ahead"] == 0


def test_kiosk_page_lists_services_by_group_in_a_fixed_number_of_queries(mpp, client, django_assert_max_num_queries):
    from tests.queues.factories import make_service

    for i in range(8):
        service = make_service(f"uji-extra-{i}", "dinsos")
        HallService.objects.create(hall=mpp["hall"], service=service, group=mpp["B"])
    with django_assert_max_num_queries(8):
        page = client.get("/antrean/mpp/kios/")
    content = page.content.decode()
    assert content.count('name="service"') == 11 and "Kependudukan" in content and "Perizinan" in content
