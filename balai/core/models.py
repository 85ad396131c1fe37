import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
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


class DayOff(models.Model):
    """A local day off decided by the regency (or for one kecamatan/village): no working day there.

    ``region_code`` is a Kemendagri code ("35.10" the regency, "35.10.01" a kecamatan,
    "35.10.01.2001" a village); empty means the whole installation. A day off holds in its region and
    every region below it (see ``balai.core.calendar``). Kept as a code, not a foreign key: core sits
    below the regions app; ``calendar.register_region_check`` lets regions confirm the code exists."""

    date = models.DateField(_("tanggal"))
    name = models.CharField(_("keterangan"), max_length=160)
    region_code = models.CharField(_("kode wilayah (kosong = seluruh kabupaten)"), max_length=13, blank=True,
                                   default="")

    class Meta:
        ordering = ["date", "region_code"]
        verbose_name = _("hari libur daerah")
        verbose_name_plural = _("hari libur daerah")
        # The unique index (date first) also serves the calendar's read of a date window.
        constraints = [models.UniqueConstraint(fields=["date", "region_code"], name="core_unique_dayoff")]

    def __str__(self):
        return f"{self.date} {self.name}"

    def clean(self):
        from .calendar import check_region_code

        self.region_code = (self.region_code or "").strip()
        if self.region_code:
            check_region_code(self.region_code)


class Sequence(models.Model):
    """The last number taken of one gap-free sequence (``core.sequences.sequence_next``): a key that
    names what is counted (``letter:35.10.01.2001:470``, ``ticket:7``) and a period that names when it
    restarts (``2026``, ``2026-12-08``)."""

    key = models.CharField(_("kunci"), max_length=120)
    period = models.CharField(_("periode"), max_length=20)
    last = models.PositiveBigIntegerField(_("nomor terakhir"), default=0)

    class Meta:
        verbose_name = _("urutan nomor")
        verbose_name_plural = _("urutan nomor")
        constraints = [models.UniqueConstraint(fields=["key", "period"], name="unique_sequence_key_period")]

    def __str__(self):
        return f"{self.key} {self.period}: {self.last}"


def new_verification_token() -> str:
    """Unguessable token for a document's public verification URL printed in its QR code (192 bits)."""
    return secrets.token_urlsafe(24)


def document_upload_to(document, filename: str) -> str:
    """``documents/<kind>/<year>/<month>/<random>.pdf``: no token, number or name in the path."""
    return f"documents/{document.kind}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


class Document(models.Model):
    """An issued official document of any kind (a village letter, later a budget decree or a payment
    list): its file in storage with its SHA-256, its signature, its public verification token and its
    validity. The kind's registration (``core.documents.kinds``) says how the public verification
    page describes it. Issued documents are never edited; they can only be revoked."""

    class Status(models.TextChoices):
        VALID = "valid", _("Berlaku")
        REVOKED = "revoked", _("Dicabut")

    kind = models.CharField(_("jenis dokumen"), max_length=40)
    verification_token = models.CharField(max_length=64, unique=True, default=new_verification_token,
                                          editable=False)
    file = models.FileField(_("berkas"), upload_to=document_upload_to, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"), default=0)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    office_code = models.CharField(_("kantor penerbit"), max_length=40, blank=True)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="signed_documents", verbose_name=_("penanda tangan"))
    signed_at = models.DateTimeField(_("waktu tanda tangan"), null=True, blank=True)
    signature_method = models.CharField(_("metode tanda tangan"), max_length=20, blank=True)
    signature_key_id = models.CharField(max_length=80, blank=True)
    signature_value = models.TextField(_("nilai tanda tangan"), blank=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    revoked_at = models.DateTimeField(_("waktu pencabutan"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    revoke_reason = models.TextField(_("alasan pencabutan"), blank=True)

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")

    def __str__(self):
        return f"{self.kind} {self.sha256[:12]}"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    def read_bytes(self) -> bytes:
        with self.file.open("rb") as handle:
            return handle.read()

    def verification_url(self) -> str:
        return f"{settings.BALAI_PUBLIC_URL}/verifikasi/{self.verification_token}/"


class DocumentCheck(models.Model):
    """One public check of a document: someone opened the QR link, called the API or uploaded a PDF
    to compare with the issued one."""

    class Method(models.TextChoices):
        VIEW = "view", _("Membuka tautan")
        UPLOAD = "upload", _("Mengunggah PDF")
        API = "api", _("API")

    class Result(models.TextChoices):
        VALID = "valid", _("Berlaku")
        REVOKED = "revoked", _("Dicabut")
        MATCH = "match", _("PDF cocok")
        MISMATCH = "mismatch", _("PDF tidak cocok")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="checks")
    at = models.DateTimeField(auto_now_add=True)
    method = models.CharField(max_length=10, choices=Method.choices)
    result = models.CharField(max_length=10, choices=Result.choices)
    presented_sha256 = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("verifikasi dokumen")
        verbose_name_plural = _("verifikasi dokumen")
        indexes = [models.Index(fields=["document", "-at"], name="document_check_at")]

    def __str__(self):
        return f"{self.document_id} {self.method} {self.result}"


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
