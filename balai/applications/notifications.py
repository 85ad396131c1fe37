"""Status-change messages to the applicant: Indonesian templates (through gettext) with placeholders,
one ``core.OutboxMessage`` per channel (``about="application:<id>"``, ``kind`` = the template key),
sent in the background after commit with retries by ``balai.core.outbox``.

Messages are rendered in the installation's language (``LANGUAGE_CODE``, Indonesian), not in the
language the operator who changed the status happens to use."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from balai.core.notify import normalise_phone, render
from balai.core.outbox import outbox_enqueue

from .workflows import status_label

SUBJECT = _("[Balai] Permohonan {reference}: {status}")
TEMPLATES = {
    "submitted": _(
        "Yth. {name}, permohonan {service} telah kami terima dengan nomor {reference}. "
        "Perkiraan selesai: {due_date}. Pantau di {track_url} (nomor permohonan + tanggal lahir)."
    ),
    "returned": _(
        "Yth. {name}, permohonan {reference} ({service}) dikembalikan untuk diperbaiki: {note}. "
        "Silakan perbaiki lalu kirim ulang. Waktu layanan berhenti sementara sampai Anda mengirim ulang."
    ),
    "rejected": _("Yth. {name}, permohonan {reference} ({service}) ditolak. Alasan: {note}."),
    "ready": _(
        "Yth. {name}, permohonan {reference} ({service}) sudah selesai dan siap diambil/diunduh. "
        "Lihat {track_url}. Mohon isi survei kepuasan: {survey_url}"
    ),
    "collected": _("Yth. {name}, dokumen permohonan {reference} ({service}) telah diserahkan. Terima kasih."),
    "default": _("Yth. {name}, status permohonan {reference} ({service}) kini: {status}. Lihat {track_url}."),
}
TEMPLATE_LABELS = {"submitted": _("Diterima"), "returned": _("Dikembalikan"), "rejected": _("Ditolak"),
                   "ready": _("Selesai"), "collected": _("Diserahkan"), "default": _("Perubahan status")}


def about(application) -> str:
    """The outbox key of an application's messages."""
    return f"application:{application.pk}"


def _context(application, status, note):
    base = getattr(settings, "BALAI_PUBLIC_URL", "").rstrip("/")
    return {
        "name": application.applicant_name,
        "reference": application.reference,
        "service": application.service.name,
        "status": str(status_label(status)),
        "due_date": application.due_date.strftime("%d-%m-%Y"),
        "note": note or "-",
        "track_url": base + reverse("applications:track"),
        "survey_url": base + reverse("applications:survey", kwargs={"token": application.survey_token}),
    }


def queue_status_notifications(application, status, note=""):
    """Queue the message about ``status`` for every channel the applicant can be reached on (inside the
    caller's transaction; nothing is sent if it rolls back)."""
    key = status if status in TEMPLATES else "default"
    with translation.override(settings.LANGUAGE_CODE):
        context = _context(application, status, note)
        body = render(str(TEMPLATES[key]), context)
        subject = render(str(SUBJECT), context)
    recipients = []
    if application.applicant_email:
        recipients.append(("email", application.applicant_email))
    phone = normalise_phone(application.applicant_phone)
    if phone:
        recipients.append(("whatsapp", phone))
    return [outbox_enqueue(transport=transport, to=to, subject=subject, body=body, about=about(application),
                           kind=key) for transport, to in recipients]
