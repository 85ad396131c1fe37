import pytest
from django.urls import reverse

from balai.core.models import AccessLog
from balai.letters.models import Letter
from tests.letters.factories import issue_letter


@pytest.fixture
def letter(world, monkeypatch):
    from balai.letters import services

    monkeypatch.setattr(services, "letter_render_pdf", lambda letter: b"%PDF-1.7 stub " + letter.number.encode())
    return issue_letter(world)


def test_operator_of_another_village_cannot_open_or_download_the_letter(world, letter):
    client = world.client("other_operator")
    assert client.get(reverse("letters:detail", args=[letter.public_id])).status_code == 403
    assert client.get(reverse("letters:pdf", args=[letter.public_id])).status_code == 403
    assert client.get(reverse("letter-detail", args=[letter.public_id])).status_code == 403
    assert letter.number not in client.get(reverse("letters:list")).content.decode()
    assert client.get(reverse("letter-list")).json()["results"] == []


def test_village_staff_download_the_pdf_and_the_read_is_logged(world, letter):
    response = world.client("operator").get(reverse("letters:pdf", args=[letter.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content == bytes(letter.pdf)
    assert AccessLog.objects.filter(object_type="letters.letter", object_id=str(letter.pk), action="download").exists()


def test_list_masks_holder_names_and_keeps_queries_flat(world, letter, django_assert_max_num_queries):
    for _ in range(3):
        issue_letter(world)
    client = world.client("operator")
    with django_assert_max_num_queries(12):
        body = client.get(reverse("letters:list")).content.decode()
    assert "Si** Am****" in body and "Siti Aminah" not in body and letter.number in body
    api = client.get(reverse("letter-list")).json()
    assert {row["holder_name"] for row in api["results"]} == {"Si** Am****"}


def test_secretary_revokes_with_a_reason_and_verification_then_says_revoked(world, letter, client):
    response = world.client("secretary").post(reverse("letters:revoke", args=[letter.public_id]),
                                              {"reason": "Salah data pemohon"})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == Letter.Status.REVOKED and letter.document.revoked_by == world.user("secretary")
    body = client.get(reverse("documents:verify", args=[letter.verification_token])).content.decode()
    assert 'data-status="revoked"' in body and "Salah data pemohon" in body


def test_revocation_needs_a_reason(world, letter):
    world.client("head").post(reverse("letters:revoke", args=[letter.public_id]), {"reason": ""})
    letter.refresh_from_db()
    assert letter.is_valid


def test_operator_and_camat_cannot_revoke(world, letter):
    for role in ("operator", "district_head", "other_operator"):
        response = world.client(role).post(reverse("letters:revoke", args=[letter.public_id]), {"reason": "coba cabut"})
        assert response.status_code == 403, role
    letter.refresh_from_db()
    assert letter.is_valid


def test_administrator_revokes_through_the_api(world, letter):
    response = world.client("administrator").post(reverse("letter-revoke", args=[letter.public_id]),
                                                  {"reason": "Dipalsukan"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["status"] == "revoked"
    again = world.client("administrator").post(reverse("letter-revoke", args=[letter.public_id]),
                                               {"reason": "Dipalsukan"}, content_type="application/json")
    assert again.status_code == 400
