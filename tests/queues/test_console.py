from balai.accounts.models import Membership, Office, Role, User
from balai.queues import services
from balai.queues.models import Counter, Hall, Ticket, TicketEvent
from tests.support.world import client_for


def test_counter_officer_calls_starts_and_finishes_from_the_console(mpp_world, world):
    ticket = services.ticket_issue(hall=mpp_world["hall"], service=mpp_world["ktp"])
    counter = mpp_world["counters"][0]
    client = world.client("counter_officer")
    assert client.get("/loket/").status_code == 200
    for action in ("call", "start"):
        assert client.post(f"/loket/{counter.pk}/aksi/", {"action": action}).status_code == 302
    page = client.get(f"/loket/{counter.pk}/").content.decode()
    assert ticket.number in page and f"/layanan/uji-ktp-el/ajukan/?tiket={ticket.public_id}" in page
    client.post(f"/loket/{counter.pk}/aksi/", {"action": "finish"})
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.DONE
    assert list(TicketEvent.objects.filter(ticket=ticket).values_list("actor__username", flat=True)) == [
        None, "t-counter_officer", "t-counter_officer", "t-counter_officer"]


def test_an_officer_of_another_hall_cannot_work_the_mpp_counters(mpp_world, world):
    office = Office.objects.create(code="gerai-genteng", name="Gerai Pasar Genteng", kind=Office.Kind.HALL,
                                   region_id="35.10")
    Hall.objects.create(office=office)
    user = User.objects.create_user(username="t-genteng", password="rahasia-uji-123")
    Membership.objects.create(user=user, office=office, role=Role.COUNTER_OFFICER)
    client = client_for(user)
    counter = mpp_world["counters"][0]
    services.ticket_issue(hall=mpp_world["hall"], service=mpp_world["ktp"])
    assert client.get(f"/loket/{counter.pk}/").status_code == 404
    assert client.post(f"/loket/{counter.pk}/aksi/", {"action": "call"}).status_code == 404
    assert client.post(f"/api/v1/counters/{counter.pk}/actions/", {"action": "call"}).status_code == 404
    assert not Ticket.objects.filter(status="called").exists()
    assert b"Mal Pelayanan" not in client.get("/antrean/analitik/").content.split(b"f-hall")[1][:400]


def test_counter_api_calls_next_and_answers_no_content_when_nobody_waits(mpp_world, world):
    client = world.client("counter_officer")
    counter = mpp_world["counters"][2]
    assert client.post(f"/api/v1/counters/{counter.pk}/actions/", {"action": "call"}).status_code == 204
    services.ticket_issue(hall=mpp_world["hall"], service=mpp_world["izin"])
    response = client.post(f"/api/v1/counters/{counter.pk}/actions/", {"action": "call"})
    assert response.status_code == 200 and response.json()["number"] == "B-001"
    assert response.json()["counter"] == 3
    again = client.post(f"/api/v1/counters/{counter.pk}/actions/", {"action": "call"})
    assert again.status_code == 400 and "B-001" in again.json()["detail"]


def test_queue_endpoints_are_in_the_openapi_schema(db, client):
    schema = client.get("/api/schema/").content.decode()
    for path in ("/api/v1/tickets/", "/api/v1/tickets/{public_id}/", "/api/v1/bookings/",
                 "/api/v1/bookings/{token}/check-in/", "/api/v1/halls/{code}/board/",
                 "/api/v1/counters/{id}/actions/"):
        assert path in schema, path


def test_demo_step_sets_up_the_mpp_once(world):
    from balai.queues.demo import demo_step
    from tests.queues.factories import make_service

    make_service("uji-ktp-el", "dispendukcapil")
    make_service("uji-nib", "dpmptsp")
    make_service("uji-skck", "polresta")
    demo_step()
    counts = (Hall.objects.count(), Counter.objects.count(), Hall.objects.get().offerings.count())
    demo_step()
    assert counts == (Hall.objects.count(), Counter.objects.count(), Hall.objects.get().offerings.count()) == (1, 6, 3)
    hall = Hall.objects.get()
    assert sorted(hall.offerings.values_list("group__prefix", flat=True)) == ["A", "B", "C"]
