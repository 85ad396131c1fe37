"""The visitor's SKM survey after a served ticket goes through the applications app's survey_submit:
one questionnaire, one store, one set of rules and messages for the regency."""

import pytest
from django.core.exceptions import ValidationError

from balai.applications.feedback import ikm_by, survey_submit
from balai.applications.models import SurveyResponse
from balai.queues import services
from balai.queues.models import Ticket

ANSWERS = {f"u{i}": str(v) for i, v in zip(range(1, 10), [4, 3, 3, 4, 2, 3, 4, 3, 1], strict=True)}


def _served(mpp, service="ktp"):
    ticket = services.ticket_issue(hall=mpp["hall"], service=mpp[service])
    counter = mpp["counters"][0 if service == "ktp" else 2]
    services.counter_call_next(counter=counter)
    services.ticket_start(ticket=ticket, counter=counter)
    services.ticket_finish(ticket=ticket, counter=counter)
    ticket.refresh_from_db()
    return ticket


def _url(ticket):
    return f"/antrean/tiket/{ticket.public_id}/survei/"


def _refusal(scores):
    with pytest.raises(ValidationError) as refused:
        survey_submit(scores=scores)
    return " ".join(refused.value.messages)


def test_a_served_visitors_answer_is_stored_once_with_the_tickets_service_agency_and_hall(client, mpp):
    ticket = _served(mpp, "izin")
    page = client.get(_url(ticket))
    assert page.status_code == 200 and 'for="id_u1_3"' in page.content.decode()  # "Sangat baik", the 4th choice
    done = client.post(_url(ticket), {**ANSWERS, "comment": "Loket cepat"})
    assert "Terima kasih atas penilaian Anda" in done.content.decode()
    response = SurveyResponse.objects.get()
    assert [getattr(response, f"u{i}") for i in range(1, 10)] == [4, 3, 3, 4, 2, 3, 4, 3, 1]
    assert (response.source, response.service, response.agency.code, response.hall.code, response.comment) == (
        "kiosk", mpp["izin"], "dpmptsp", "mpp", "Loket cepat")
    assert response.application is None
    # A second answer for the same ticket is not stored: the page says thank you again.
    again = client.post(_url(ticket), ANSWERS)
    assert "Terima kasih atas penilaian Anda" in again.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert Ticket.objects.get(pk=ticket.pk).surveyed_at is not None
    # It counts in the public IKM of the hall: NRR sum 27 / 9 = 3.00 → 75.00, grade C.
    [(hall, result)] = ikm_by(SurveyResponse.objects.all(), "hall__name")
    assert (hall, result.respondents, str(result.converted), result.grade) == (
        "Mal Pelayanan Publik Banyuwangi", 1, "75.00", "C")


def test_a_missing_answer_is_refused_with_survey_submits_own_message_and_nothing_is_stored(client, mpp):
    ticket = _served(mpp)
    incomplete = {k: v for k, v in ANSWERS.items() if k != "u7"}
    message = _refusal(incomplete)
    assert message == "Setiap unsur harus dinilai 1 sampai 4."
    page = client.post(_url(ticket), incomplete)
    text = page.content.decode()
    assert page.status_code == 200 and f'id="survey-error">{message}<' in text
    assert 'value="4" checked' in text  # the answers given stay chosen for the next try
    assert SurveyResponse.objects.count() == 0
    assert Ticket.objects.get(pk=ticket.pk).surveyed_at is None  # the refused answer did not use up the ticket
    # The visitor completes it and it is stored.
    client.post(_url(ticket), ANSWERS)
    assert SurveyResponse.objects.count() == 1


def test_an_answer_off_the_one_to_four_scale_is_refused_like_on_the_online_survey(client, mpp):
    ticket = _served(mpp)
    off_scale = {**ANSWERS, "u2": "5"}
    page = client.post(_url(ticket), off_scale)
    assert f'id="survey-error">{_refusal(off_scale)}<' in page.content.decode()
    assert SurveyResponse.objects.count() == 0


def test_the_survey_opens_only_after_the_ticket_was_served(client, mpp):
    waiting = services.ticket_issue(hall=mpp["hall"], service=mpp["ktp"])
    response = client.post(_url(waiting), ANSWERS, follow=True)
    assert response.redirect_chain[-1][0] == f"/antrean/tiket/{waiting.public_id}/"
    assert "Survei dibuka setelah layanan selesai." in response.content.decode()
    assert SurveyResponse.objects.count() == 0
