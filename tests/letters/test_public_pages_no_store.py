"""The public pages that show an application's or a letter's personal data once the visitor proved
reference + birth date (the status page, the letter download) are never stored by a cache."""

from django.test import Client
from django.urls import reverse

from balai.applications.services import application_transition
from tests.letters.factories import membership


def no_store(response) -> bool:
    return "no-store" in {d.strip() for d in response.get("Cache-Control", "").split(",")}


def test_status_page_and_letter_download_are_marked_no_store_for_anonymous_visitors(world, application):
    application_transition(application=application, action="sign", user=world.user("head"),
                           membership=membership(world, "head"))
    visitor = Client()
    status = visitor.post(reverse("applications:track"), {"reference": application.reference,
                                                          "birth_date": "1990-01-01"})
    assert status.status_code == 200 and application.reference in status.content.decode()
    assert no_store(status)
    url = reverse("letters:download_public", kwargs={"token": application.public_id})
    assert no_store(visitor.get(url))  # the form
    assert visitor.post(url, {"reference": application.reference, "birth_date": "1990-01-01"}).status_code == 302
    pdf = visitor.get(url)
    assert pdf["Content-Type"] == "application/pdf" and no_store(pdf)
