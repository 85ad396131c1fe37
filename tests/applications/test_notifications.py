from django.core import mail
from django.utils import timezone

from balai.applications.notifications import about
from balai.applications.services import application_transition
from balai.core import notify
from balai.core.models import OutboxMessage
from balai.core.notify import DeliveryError, normalise_phone, render
from balai.core.outbox import outbox_enqueue, outbox_send_due

from .factories import make_person, make_service, membership_of, submit


def test_every_status_change_tells_the_applicant_by_email_and_whatsapp(world, django_capture_on_commit_callbacks):
    person = make_person(email="siti@example.id", phone="0812-3456-7890")
    with django_capture_on_commit_callbacks(execute=True):
        application = submit(make_service("sktm"), person, membership=membership_of(world, "operator"))
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(application=application, action="return", user=world.users["operator"],
                               membership=membership_of(world, "operator"), note="Foto buram")
    log = list(OutboxMessage.objects.filter(about=about(application)).order_by("id")
               .values_list("transport", "recipient", "kind", "status"))
    assert log == [("email", "siti@example.id", "submitted", "sent"), ("whatsapp", "+6281234567890", "submitted", "sent"),
                   ("email", "siti@example.id", "returned", "sent"), ("whatsapp", "+6281234567890", "returned", "sent")]
    assert len(mail.outbox) == 2
    assert application.reference in mail.outbox[0].subject
    assert "Foto buram" in mail.outbox[1].body and "Yth. Siti Aminah" in mail.outbox[1].body


def test_a_failing_gateway_is_retried_and_the_failure_is_logged(world, monkeypatch, settings):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    note = outbox_enqueue(transport="whatsapp", to="+628123", subject="s", body="b", about=about(application),
                          kind="default")

    class Down:
        name = "whatsapp"

        def send(self, **kwargs):
            raise DeliveryError("gateway 503")

    monkeypatch.setitem(notify.TRANSPORT_KINDS, "down", lambda channel: Down())
    monkeypatch.setitem(settings.BALAI_NOTIFY_TRANSPORTS, "whatsapp", "down")
    now = timezone.now()
    statuses = []
    for _attempt in range(settings.BALAI_OUTBOX_MAX_ATTEMPTS):
        counts = outbox_send_due(now=now, ids=[note.pk])
        statuses.append(next(status for status, count in counts.items() if count))
        note.refresh_from_db()
        now = note.next_attempt_at or now
    assert statuses == ["queued"] * (settings.BALAI_OUTBOX_MAX_ATTEMPTS - 1) + ["failed"]
    assert (note.status, note.attempts, note.last_error) == ("failed", settings.BALAI_OUTBOX_MAX_ATTEMPTS, "gateway 503")


def test_templates_fill_placeholders_and_phone_numbers_are_normalised():
    assert render("Yth. {name}, nomor {reference} {unknown}", {"name": "Budi", "reference": "AB23-CD45"}) == \
        "Yth. Budi, nomor AB23-CD45 {unknown}"
    assert normalise_phone("0812 3456 7890") == "+6281234567890"
    assert normalise_phone("") == ""
