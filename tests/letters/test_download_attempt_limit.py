"""The public letter download form checks a secret (reference + birth date): after ten tries in ten
minutes from one client it answers 429 and checks nothing more, even the right answer; another client
is not affected."""

import datetime

from django.test import Client
from django.urls import reverse

from balai.applications.services import application_transition
from tests.letters.factories import membership


def test_guessing_the_birth_date_on_the_download_form_is_stopped_after_ten_tries(world, application):
    application_transition(application=application, action="sign", user=world.user("head"),
                           membership=membership(world, "head"))
    url = reverse("letters:download_public", kwargs={"token": application.public_id})
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    for day in range(1, 11):  # ten wrong birth dates: each is checked and refused
        wrong = guesser.post(url, {"reference": application.reference,
                                   "birth_date": datetime.date(1990, 2, day).isoformat()})
        assert wrong.status_code == 200 and "tidak cocok" in wrong.content.decode()
    right = {"reference": application.reference, "birth_date": datetime.date(1990, 1, 1).isoformat()}
    stopped = guesser.post(url, right)
    page = stopped.content.decode()
    assert stopped.status_code == 429 and "Terlalu banyak percobaan" in page and "10 menit" in page
    assert guesser.get(url)["Content-Type"] != "application/pdf"  # the 11th try granted nothing
    # The applicant on another connection still gets the letter.
    applicant = Client(REMOTE_ADDR="198.51.100.20")
    assert applicant.post(url, right).status_code == 302
    assert applicant.get(url)["Content-Type"] == "application/pdf"
