from django.core.files.uploadedfile import SimpleUploadedFile

from balai.applications.services import attachment_add
from tests.support.images import image_bytes
from tests.support.world import OTHER_VILLAGE

from .factories import make_person, make_service, membership_of, submit


def _application(world, service_code="sktm", workflow="village_letter"):
    return submit(make_service(service_code, workflow=workflow), make_person(),
                  membership=membership_of(world, "operator"))


def test_operator_of_another_village_cannot_open_or_act_on_an_application(world):
    application = _application(world)
    other = world.client("other_operator")
    url = f"/permohonan/{application.public_id}/"
    assert other.get(url).status_code == 403
    assert other.post(url + "aksi/", {"action": "verify"}).status_code == 403
    application.refresh_from_db()
    assert application.status == "submitted"
    api = other.post(f"/api/v1/applications/{application.public_id}/transitions/", {"action": "verify"})
    assert api.status_code == 403
    listing = other.get("/api/v1/applications/").json()
    assert listing["results"] == []


def test_operator_of_the_village_sees_and_verifies_through_the_page(world):
    application = _application(world)
    client = world.client("operator")
    page = client.get(f"/permohonan/{application.public_id}/")
    assert page.status_code == 200 and b'data-action="verify"' in page.content
    response = client.post(f"/permohonan/{application.public_id}/aksi/", {"action": "verify"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "verified"


def test_a_refused_transition_is_shown_to_the_officer_in_indonesian(world):
    application = _application(world)
    client = world.client("head")
    response = client.post(f"/permohonan/{application.public_id}/aksi/", {"action": "sign"}, follow=True)
    assert "Tindakan “Tandatangani” tidak dapat dilakukan karena permohonan berstatus “Diajukan”" in \
        response.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted"


def test_an_agency_sees_only_applications_for_its_own_services(world):
    ours = _application(world, "akta", "village_to_agency")
    theirs = submit(make_service("izin", workflow="agency", agency="dpmptsp"), make_person(),
                    channel="counter", membership=membership_of(world, "counter_officer"))
    client = world.client("agency_officer")
    assert client.get(f"/permohonan/{ours.public_id}/").status_code == 200
    assert client.get(f"/permohonan/{theirs.public_id}/").status_code == 403


def test_a_citizen_sees_their_own_applications_only(world):
    citizen = world.users["citizen"]
    own = submit(make_service("sktm"), make_person(user=citizen), channel="online", user=citizen)
    stranger = submit(make_service("sku"), make_person(OTHER_VILLAGE, name="Orang Lain"),
                      membership=membership_of(world, "other_operator"))
    client = world.client("citizen")
    assert client.get(f"/permohonan/{own.public_id}/").status_code == 200
    assert client.get(f"/permohonan/{stranger.public_id}/").status_code == 403
    refs = [row["reference"] for row in client.get("/api/v1/applications/").json()["results"]]
    assert refs == [own.reference]


def test_uploaded_files_are_served_only_to_those_who_may_see_the_application(world):
    application = _application(world)
    item = attachment_add(application=application, requirement="KTP",
                          upload=SimpleUploadedFile("k.jpg", image_bytes("JPEG"), content_type="image/jpeg"))
    url = f"/permohonan/{application.public_id}/berkas/{item.public_id}/"
    ok = world.client("operator").get(url)
    assert ok.status_code == 200 and ok["Content-Type"] == "image/jpeg"
    assert ok["X-Content-Type-Options"] == "nosniff"
    assert b"".join(ok.streaming_content).startswith(b"\xff\xd8\xff")
    assert world.client("other_operator").get(url).status_code == 403
    assert world.client("anonymous").get(url).status_code == 302
