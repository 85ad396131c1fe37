"""Status-change messages to the applicant: Indonesian templates with placeholders, one delivery-log
row per channel, delivered in the background (``tasks.deliver_notification``) with retries."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from balai.core.notify import normalise_phone, render

from .models import Notification
from .workflows import status_label

SUBJECT = "[Balai] Permohonan {reference}: {status}"
TEMPLATES = {
    "submitted": (
        "Yth. {name}, permohonan {service} telah kami terima dengan nomor {reference}. "
        "Perkiraan selesai: {due_date}. Pantau di {track_url} (nomor permohonan + tanggal lahir)."
    ),
    "returned": (
        "Yth. {name}, permohonan {reference} ({service}) dikembalikan untuk diperbaiki: {note}. "
        "Silakan perbaiki lalu kirim ulang. Waktu layanan berhenti sementara sampai Anda mengirim ulang."
    ),
    "rejected": "Yth. {name}, permohonan {reference} ({service}) ditolak. Alasan: {note}.",
    "ready": (
        "Yth. {name}, permohonan {reference} ({service}) sudah selesai dan siap diambil/diunduh. "
        "Lihat {track_url}. Mohon isi survei kepuasan: {survey_url}"
    ),
    "collected": "Yth. {name}, dokumen permohonan {reference} ({service}) telah diserahkan. Terima kasih.",
    "default": "Yth. {name}, status permohonan {reference} ({service}) kini: {status}. Lihat {track_url}.",
}
TEMPLATE_LABELS = {"submitted": _("Diterima"), "returned": _("Dikembalikan"), "rejected": _("Ditolak"),
                   "ready": _("Selesai"), "collected": _("Diserahkan"), "default": _("Perubahan status")}


def _context(application, status, note):
    from django.conf import settings
    from django.urls import reverse

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
    key = status if status in TEMPLATES else "default"
    context = _context(application, status, note)
    body = render(TEMPLATES[key], context)
    subject = render(SUBJECT, context)
    rows = []
    if application.applicant_email:
        rows.append(Notification(application=application, channel="email", recipient=application.applicant_email,
                                 template=key, subject=subject, body=body))
    phone = normalise_phone(application.applicant_phone)
    if phone:
        rows.append(Notification(application=application, channel="whatsapp", recipient=phone,
                                 template=key, subject=subject, body=body))
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows)
    ids = [n.pk for n in created if n.pk] or list(
        Notification.objects.filter(application=application, template=key).order_by("-id")
        .values_list("pk", flat=True)[:len(rows)])

    def enqueue():
        from .tasks import deliver_notification

        for pk in ids:
            deliver_notification.enqueue(pk)

    transaction.on_commit(enqueue)
    return created
