"""The Smart Kampung path without a browser: an SKTM application signed by the village head issues the
letter inside the signing transition; the citizen downloads it with reference + birth date."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from balai.applications.services import application_transition
from balai.letters.models import Letter
from tests.letters.factories import membership


def test_head_signing_the_application_issues_the_letter_filled_from_registry_and_form(world, application):
    application_transition(application=application, action="sign", user=world.user("head"),
                           membership=membership(world, "head"))
    letter = Letter.objects.get(application=application)
    assert letter.number.startswith("401/001/35.10.01.2001/")
    assert letter.signer == world.user("head") and letter.person == application.applicant
    assert letter.holder["nik"] == "3510014101900001" and letter.holder["sex"] == "Perempuan"
    assert letter.holder["address"] == "Jl. Pantai Rajegwesi No. 7, RT 001, RW 002, Dusun Krajan, Desa Sarongan"
    assert letter.purpose == "Keringanan biaya rawat inap di RSUD Blambangan"
    application.refresh_from_db()
    assert application.status == "ready"


def test_a_failed_issuance_refuses_the_signature(world, application, monkeypatch):
    from balai.letters import services

    def broken(letter):
        raise ValidationError("Templat surat rusak.")

    monkeypatch.setattr(services, "letter_render_pdf", broken)
    with pytest.raises(ValidationError):
        application_transition(application=application, action="sign", user=world.user("head"),
                               membership=membership(world, "head"))
    application.refresh_from_db()
    assert application.status == "checked" and not Letter.objects.exists()


def test_citizen_downloads_the_letter_after_giving_reference_and_birth_date(world, application, client):
    application_transition(application=application, action="sign", user=world.user("head"),
                           membership=membership(world, "head"))
    url = reverse("letters:download_public", kwargs={"token": application.public_id})
    first = client.get(url)
    assert first.status_code == 200 and b"download-form" in first.content
    wrong = client.post(url, {"reference": application.reference, "birth_date": "1991-01-01"})
    assert b"tidak cocok" in wrong.content
    ok = client.post(url, {"reference": application.reference.replace("-", "").lower(),
                           "birth_date": datetime.date(1990, 1, 1).isoformat()})
    assert ok.status_code == 302
    pdf = client.get(url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content == bytes(Letter.objects.get(application=application).pdf)


def test_nobody_downloads_before_the_letter_is_signed(world, application, client):
    response = client.get(reverse("letters:download_public", kwargs={"token": application.public_id}))
    assert response.status_code == 404


def test_status_page_offers_a_download_link_that_works_without_typing_again(world, application, client):
    application_transition(application=application, action="sign", user=world.user("head"),
                           membership=membership(world, "head"))
    page = client.post(reverse("applications:track"), {"reference": application.reference,
                                                       "birth_date": "1990-01-01"}).content.decode()
    import re

    link = re.search(r'href="(/surat/unduh/[^"]+)"', page).group(1).replace("&amp;", "&")
    response = client.get(link)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    forged = client.__class__().get(link.split("?")[0] + "?k=forged")
    assert forged.status_code == 200 and b"download-form" in forged.content


def test_a_revoked_letter_is_no_longer_offered_or_downloadable(world, application, client):
    from balai.letters.hooks import letter_status_links
    from balai.letters.services import letter_revoke

    application_transition(application=application, action="sign", user=world.user("head"),
                           membership=membership(world, "head"))
    letter = Letter.objects.get(application=application)
    assert len(letter_status_links(application)) == 1
    letter_revoke(letter=letter, actor=world.user("head"), reason="Pemohon pindah domisili")
    assert letter_status_links(application) == []
    url = reverse("letters:download_public", kwargs={"token": application.public_id})
    client.post(url, {"reference": application.reference, "birth_date": "1990-01-01"})
    assert client.get(url).status_code == 410
