import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLog(models.Model):
    """A read (or export) of sensitive personal data: who, in which role and office, what, when."""

    class Action(models.TextChoices):
        VIEW = "view", _("melihat")
        EXPORT = "export", _("mengekspor")
        DOWNLOAD = "download", _("mengunduh")
        SEARCH = "search", _("mencari")

    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    role = models.CharField(_("peran"), max_length=20, blank=True)
    office_code = models.CharField(_("kantor"), max_length=40, blank=True)
    action = models.CharField(_("tindakan"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("jenis data"), max_length=60)
    object_id = models.CharField(_("id data"), max_length=64)
    object_label = models.CharField(_("keterangan"), max_length=200, blank=True)
    region_code = models.CharField(_("wilayah"), max_length=13, blank=True, db_index=True)
    path = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("log akses data pribadi")
        verbose_name_plural = _("log akses data pribadi")
        indexes = [models.Index(fields=["object_type", "object_id", "-at"]), models.Index(fields=["user", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.action} {self.object_type}:{self.object_id}"


class TaskProgress(models.Model):
    """Progress of a long background job, readable by the page that started it."""

    class State(models.TextChoices):
        WAITING = "waiting", _("menunggu")
        RUNNING = "running", _("berjalan")
        DONE = "done", _("selesai")
        FAILED = "failed", _("gagal")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=60)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    result = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("progres tugas")
        verbose_name_plural = _("progres tugas")

    def __str__(self):
        return f"{self.kind} {self.state} {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0


class OutboxMessage(models.Model):
    """One notification to one recipient, sent by a background task after the writing transaction
    commits (``balai.core.outbox``), retried with back-off, kept as the delivery log."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")

    transport = models.CharField(_("saluran"), max_length=20)
    recipient = models.CharField(_("penerima"), max_length=200)
    subject = models.CharField(_("judul"), max_length=200, blank=True)
    body = models.TextField(_("isi"))
    # What the message is about, e.g. "application:42" or "ticket:7", and which message it is ("submitted").
    about = models.CharField(_("tentang"), max_length=80, blank=True, db_index=True)
    kind = models.CharField(_("jenis"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    # Attempts before the message is given up; empty = BALAI_OUTBOX_MAX_ATTEMPTS (a queue notice is
    # worth less when late, so it tries fewer times).
    max_attempts = models.PositiveSmallIntegerField(_("batas percobaan"), null=True, blank=True)
    # While queued: not before this time (a claimed row has it pushed forward by the claim lease).
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"), null=True, blank=True)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    provider_ref = models.CharField(_("referensi penyedia"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("pesan notifikasi")
        verbose_name_plural = _("log notifikasi")
        indexes = [
            # The sender's claim: queued rows that are due, oldest first.
            models.Index(fields=["next_attempt_at"], condition=models.Q(status="queued"), name="outbox_due_idx"),
        ]

    def __str__(self):
        return f"{self.transport} {self.recipient} {self.status}"
