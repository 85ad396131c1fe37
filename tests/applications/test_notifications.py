from django.core import mail

from balai.applications.models import Notification
from balai.applications.services import application_transition
from balai.applications.tasks import MAX_ATTEMPTS, deliver
from balai.core.notify import DeliveryError, normalise_phone, render

from .factories import make_person, make_service, membership_of, submit


def test_every_status_change_tells_the_applicant_by_email_and_whatsapp(world, django_capture_on_commit_callbacks):
    person = make_person(email="siti@example.id", phone="0812-3456-7890")
    with django_capture_on_commit_callbacks(execute=True):
        application = submit(make_service("sktm"), person, membership=membership_of(world, "operator"))
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(application=application, action="return", user=world.users["operator"],
                               membership=membership_of(world, "operator"), note="Foto buram")
    log = list(Notification.objects.order_by("id").values_list("channel", "recipient", "template", "status"))
    assert log == [("email", "siti@example.id", "submitted", "sent"), ("whatsapp", "+6281234567890", "submitted", "sent"),
                   ("email", "siti@example.id", "returned", "sent"), ("whatsapp", "+6281234567890", "returned", "sent")]
    assert len(mail.outbox) == 2
    assert application.reference in mail.outbox[0].subject
    assert "Foto buram" in mail.outbox[1].body and "Yth. Siti Aminah" in mail.outbox[1].body


def test_a_failing_gateway_is_retried_and_the_failure_is_logged(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    note = Notification.objects.create(application=application, channel="whatsapp", recipient="+628123",
                                       template="default", subject="s", body="b")

    class Down:
        name = "whatsapp"

        def send(self, **kwargs):
            raise DeliveryError("gateway 503")

    statuses = [deliver(note.pk, channel_factory=lambda name: Down()) for _ in range(MAX_ATTEMPTS)]
    note.refresh_from_db()
    assert statuses == ["pending"] * (MAX_ATTEMPTS - 1) + ["failed"]
    assert (note.status, note.attempts, note.error) == ("failed", MAX_ATTEMPTS, "gateway 503")


def test_templates_fill_placeholders_and_phone_numbers_are_normalised():
    assert render("Yth. {name}, nomor {reference} {unknown}", {"name": "Budi", "reference": "AB23-CD45"}) == \
        "Yth. Budi, nomor AB23-CD45 {unknown}"
    assert normalise_phone("0812 3456 7890") == "+6281234567890"
    assert normalise_phone("") == ""
