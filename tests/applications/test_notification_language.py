"""Applicant messages are written in the installation's language, whatever language the operator's
screen is in: Indonesian by default, English when the installation is set to English (the catalogue)."""

from django.utils import translation

from balai.applications.notifications import about
from balai.core.models import OutboxMessage

from .factories import make_person, make_service, membership_of, submit


def _submitted_message(world):
    application = submit(make_service("sktm"), make_person(email="siti@example.id"),
                         membership=membership_of(world, "operator"))
    return application, OutboxMessage.objects.get(about=about(application), transport="email")


def test_an_operator_working_in_english_still_sends_the_applicant_indonesian(world):
    with translation.override("en"):
        application, message = _submitted_message(world)
    assert message.subject.startswith(f"[Balai] Permohonan {application.reference}: ")
    assert message.body.startswith("Yth. Siti Aminah, permohonan Layanan sktm telah kami terima dengan nomor "
                                   f"{application.reference}.")


def test_an_installation_set_to_english_sends_the_english_translation(world, settings):
    settings.LANGUAGE_CODE = "en"
    application, message = _submitted_message(world)
    assert message.subject.startswith(f"[Balai] Application {application.reference}: ")
    assert message.body.startswith("Dear Siti Aminah, we have received your application for Layanan sktm with "
                                   f"number {application.reference}.")
