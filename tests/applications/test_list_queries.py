"""List pages of the applications app make the same number of queries however many rows they show
(measured with N rows and with 3N rows), and the complaints list is keyset-paginated, not cut."""

import datetime as dt

from balai.applications import feedback, selectors
from balai.applications.models import Complaint
from tests.support.queries import queries_of

from .factories import make_person, make_service, membership_of, submit


def _citizen_applications(world, service, person, count):
    for _ in range(count):
        submit(service, person, channel="online", user=world.users["citizen"])


def test_my_applications_page_makes_the_same_queries_for_3_and_9_applications(world):
    citizen = world.users["citizen"]
    person = make_person(user=citizen)
    sktm, domisili = make_service("sktm"), make_service("domisili", agency="dpmptsp")
    client = world.client("citizen")
    client.get("/permohonan-saya/")  # warm the session
    _citizen_applications(world, sktm, person, 2)
    _citizen_applications(world, domisili, person, 1)
    small, page = queries_of(client, "/permohonan-saya/")
    assert len(page.context["rows"]) == 3
    _citizen_applications(world, sktm, person, 3)
    _citizen_applications(world, domisili, person, 3)
    large, page = queries_of(client, "/permohonan-saya/")
    assert len(page.context["rows"]) == 9
    assert page.content.decode().count("Layanan domisili") == 4
    assert large == small <= 6  # session, user, person, applications (with service, agency, office), …


def test_applications_api_list_makes_the_same_queries_for_3_and_9_applications(world):
    operator = membership_of(world, "operator")
    sktm, domisili = make_service("sktm"), make_service("domisili", agency="dpmptsp")
    person = make_person()
    client = world.client("operator")
    client.get("/api/v1/applications/")
    for service in (sktm, domisili, sktm):
        submit(service, person, membership=operator)
    small, response = queries_of(client, "/api/v1/applications/")
    assert len(response.json()["results"]) == 3
    for service in (sktm, domisili, sktm) * 2:
        submit(service, person, membership=operator)
    large, response = queries_of(client, "/api/v1/applications/")
    rows = response.json()["results"]
    assert len(rows) == 9 and {r["agency"] for r in rows} == {"dispendukcapil", "dpmptsp"}
    assert large == small


def _complaints(service, count, *, answered=0, user=None):
    made = [feedback.complaint_file(subject=f"Antrean lama {i}", body="Menunggu dua jam.", service=service)
            for i in range(count)]
    for complaint in made[:answered]:
        feedback.complaint_answer(complaint=complaint, answer="Sudah kami tambah petugas.", user=user)
    return made


def test_complaints_list_makes_the_same_queries_for_3_and_9_complaints(world):
    service = make_service("ktp-el", workflow="agency")  # routed to Dispendukcapil
    officer = world.users["agency_officer"]
    client = world.client("agency_officer")
    client.get("/pengaduan-masuk/")
    _complaints(service, 3, answered=1, user=officer)
    small, page = queries_of(client, "/pengaduan-masuk/")
    assert len(page.context["rows"]) == 3
    _complaints(service, 6, answered=2, user=officer)
    large, page = queries_of(client, "/pengaduan-masuk/")
    assert len(page.context["rows"]) == 9 and page.context["cursor"] is None
    assert large == small


def test_complaints_list_pages_by_keyset_with_the_waiting_ones_first_and_a_next_link(world):
    service = make_service("ktp-el", workflow="agency")
    officer = world.users["agency_officer"]
    made = _complaints(service, 55, answered=4, user=officer)  # 51 waiting, 4 answered
    # An earlier deadline comes first among the waiting ones.
    Complaint.objects.filter(pk=made[40].pk).update(response_due=dt.date(2026, 1, 5))
    client = world.client("agency_officer")
    client.get("/pengaduan-masuk/")
    first_count, first = queries_of(client, "/pengaduan-masuk/")
    rows = first.context["rows"]
    assert len(rows) == 50 and rows[0].pk == made[40].pk
    assert all(c.status == Complaint.Status.OPEN for c in rows)
    assert 'id="complaints-next"' in first.content.decode()
    second_count, second = queries_of(client, "/pengaduan-masuk/", data={"after": first.context["cursor"]})
    rest = second.context["rows"]
    # Page 2: the last waiting complaint, then the four answered ones; no further page.
    assert [c.status for c in rest] == ["open"] + ["answered"] * 4
    assert second.context["cursor"] is None and 'id="complaints-next"' not in second.content.decode()
    seen = [c.pk for c in rows + rest]
    assert len(seen) == len(set(seen)) == 55
    assert second_count == first_count
    # Another office sees none of them; a cursor that does not parse starts again at the first page.
    assert selectors.complaints_page(membership_of(world, "other_operator"))[0] == []
    again = client.get("/pengaduan-masuk/", {"after": "rusak"})
    assert [c.pk for c in again.context["rows"]] == [c.pk for c in rows]


def test_complaints_pages_walked_two_at_a_time_cover_every_complaint_once(world):
    service = make_service("ktp-el", workflow="agency")
    made = _complaints(service, 5, answered=2, user=world.users["agency_officer"])
    agency = membership_of(world, "agency_officer")
    rows, cursor = selectors.complaints_page(agency, limit=2)
    seen = [c.pk for c in rows]
    while cursor:
        rows, cursor = selectors.complaints_page(agency, after=cursor, limit=2)
        seen += [c.pk for c in rows]
    # Waiting first (made[2], made[3], made[4]), then answered (made[0], made[1]); same deadline: by id.
    assert seen == [made[i].pk for i in (2, 3, 4, 0, 1)]
