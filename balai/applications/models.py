"""Applications (permohonan) for catalogue services, their event trail, uploads, deadlines, the
SKM survey and complaints (notifications are core.OutboxMessage rows, see notifications.py).

Invariants:
* ``Application.reference`` is short, unique, read aloud easily (no 0/O/1/I); ``public_id`` and
  ``survey_token`` are opaque UUIDs; public pages never show the numeric id.
* ``status`` changes only through ``services.application_transition`` (conditional UPDATE), and each
  change writes one ``ApplicationEvent``.
* ``current_office`` is the office that must act now (None when nothing is pending): work queues read it.
* ``idempotency_key`` is unique: a repeated submission returns the first application.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from balai.accounts.models import Office
from balai.core.uploads import CONTENT_TYPES, private_upload_path
from balai.regions.models import Region

from .workflows import DONE, PAUSED, SUBMITTED, TERMINAL, status_label

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I


def new_reference() -> str:
    raw = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_reference(text: str) -> str:
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else raw


class Channel(models.TextChoices):
    ONLINE = "online", _("Daring")
    VILLAGE = "village", _("Kantor desa")
    COUNTER = "counter", _("Loket MPP")


class SlaState(models.TextChoices):
    ON_TRACK = "on-track", _("Sesuai jadwal")
    AT_RISK = "at-risk", _("Mendekati tenggat")
    BREACHED = "breached", _("Melewati tenggat")


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=sorted(TERMINAL))


class Application(models.Model):
    reference = models.CharField(_("nomor permohonan"), max_length=9, unique=True, default=new_reference)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    survey_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="applications",
                                verbose_name=_("layanan"))
    agency = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="agency_applications",
                               verbose_name=_("instansi"))
    workflow = models.CharField(_("alur kerja"), max_length=40)
    applicant = models.ForeignKey("registry.Person", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="applications", verbose_name=_("pemohon"))
    applicant_name = models.CharField(_("nama pemohon"), max_length=160)
    applicant_nik = models.CharField(_("NIK pemohon"), max_length=16, blank=True)
    applicant_birth_date = models.DateField(_("tanggal lahir pemohon"), null=True, blank=True)
    applicant_email = models.EmailField(_("e-mail pemohon"), blank=True)
    applicant_phone = models.CharField(_("nomor HP pemohon"), max_length=20, blank=True)
    village = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("desa pemohon"), db_constraint=False)
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices)
    intake_office = models.ForeignKey(Office, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                      verbose_name=_("kantor penerima"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    data = models.JSONField(_("isian"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, default=SUBMITTED)
    returned_from = models.CharField(max_length=20, blank=True)
    current_office = models.ForeignKey(Office, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                       verbose_name=_("kantor yang bertindak"))
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("petugas terakhir"))
    submitted_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    due_date = models.DateField(_("tenggat"))
    paused_days = models.PositiveIntegerField(_("hari kerja tertunda"), default=0)
    paused_since = models.DateField(null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("permohonan")
        verbose_name_plural = _("permohonan")
        indexes = [
            # Work queues: what an office must act on, by deadline and by arrival (keyset on id).
            models.Index(fields=["current_office", "due_date", "id"], name="app_queue_due_idx"),
            models.Index(fields=["current_office", "id"], name="app_queue_arrival_idx"),
            models.Index(fields=["assignee", "id"], name="app_assignee_idx"),
            # Scoped lists: a village, a kecamatan (prefix), an agency.
            models.Index(fields=["village", "id"], name="app_village_idx"),
            models.Index(fields=["agency", "id"], name="app_agency_idx"),
            # SLA dashboard per service.
            models.Index(fields=["service", "status"], name="app_service_status_idx"),
            models.Index(fields=["applicant", "id"], name="app_applicant_idx"),
        ]

    def __str__(self):
        return f"{self.reference} — {self.applicant_name}"

    @property
    def status_label(self):
        return status_label(self.status)

    @property
    def is_done(self):
        return self.status in DONE

    @property
    def is_paused(self):
        return self.status in PAUSED

    def sla_state(self, today=None):
        from .deadlines import sla_state

        return sla_state(self, today=today)

    @property
    def masked_nik(self):
        nik = self.applicant_nik
        return nik[:6] + "******" + nik[-4:] if len(nik) == 16 else ""


class ApplicationEvent(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    actor_name = models.CharField(max_length=160, blank=True)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    role = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=20)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["application", "at"], name="app_event_idx")]

    def __str__(self):
        return f"{self.application_id}: {self.from_status} → {self.to_status}"

    @property
    def from_label(self):
        return status_label(self.from_status) if self.from_status else ""

    @property
    def to_label(self):
        return status_label(self.to_status)


def attachment_path(instance, filename):
    # Private path under MEDIA_ROOT (never served directly): a random name, the extension by content.
    return private_upload_path(f"applications/{instance.application.public_id}", instance.extension)


class Attachment(models.Model):
    CONTENT_TYPES = CONTENT_TYPES

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    requirement = models.CharField(_("persyaratan"), max_length=200)
    file = models.FileField(upload_to=attachment_path, max_length=300)
    extension = models.CharField(max_length=4)
    original_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.requirement

    @property
    def content_type(self):
        return self.CONTENT_TYPES[self.extension]




SKM_ELEMENTS = [
    ("u1", _("Persyaratan")),
    ("u2", _("Sistem, mekanisme, dan prosedur")),
    ("u3", _("Waktu penyelesaian")),
    ("u4", _("Biaya/tarif")),
    ("u5", _("Produk spesifikasi jenis pelayanan")),
    ("u6", _("Kompetensi pelaksana")),
    ("u7", _("Perilaku pelaksana")),
    ("u8", _("Penanganan pengaduan, saran dan masukan")),
    ("u9", _("Sarana dan prasarana")),
]
SKM_SCALE = [(1, _("Tidak baik")), (2, _("Kurang baik")), (3, _("Baik")), (4, _("Sangat baik"))]


def _score(name, label):
    return models.PositiveSmallIntegerField(label, choices=SKM_SCALE)


class SurveyResponse(models.Model):
    """One SKM questionnaire (PermenPAN-RB 14/2017): nine elements on a 1–4 scale."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="survey")
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    agency = models.ForeignKey(Office, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    hall = models.ForeignKey(Office, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             help_text=_("Gerai/MPP tempat survei diisi (kios)."))
    source = models.CharField(max_length=10, choices=[("online", _("Daring")), ("kiosk", _("Kios"))])
    u1 = _score("u1", SKM_ELEMENTS[0][1])
    u2 = _score("u2", SKM_ELEMENTS[1][1])
    u3 = _score("u3", SKM_ELEMENTS[2][1])
    u4 = _score("u4", SKM_ELEMENTS[3][1])
    u5 = _score("u5", SKM_ELEMENTS[4][1])
    u6 = _score("u6", SKM_ELEMENTS[5][1])
    u7 = _score("u7", SKM_ELEMENTS[6][1])
    u8 = _score("u8", SKM_ELEMENTS[7][1])
    u9 = _score("u9", SKM_ELEMENTS[8][1])
    comment = models.TextField(_("saran"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("jawaban SKM")
        verbose_name_plural = _("jawaban SKM")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"u{i}__gte": 1}) & Q(**{f"u{i}__lte": 4}), name=f"skm_u{i}_range")
            for i in range(1, 10)
        ]
        indexes = [models.Index(fields=["service", "created_at"], name="skm_service_idx"),
                   models.Index(fields=["agency", "created_at"], name="skm_agency_idx"),
                   models.Index(fields=["hall", "created_at"], name="skm_hall_idx")]

    def __str__(self):
        return f"SKM {self.created_at:%Y-%m-%d}"


def complaint_token():
    return secrets.token_urlsafe(18)


class Complaint(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Menunggu tanggapan")
        ANSWERED = "answered", _("Sudah ditanggapi")

    token = models.CharField(max_length=32, unique=True, default=complaint_token, editable=False)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("layanan"))
    application = models.ForeignKey(Application, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="complaints")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="complaints",
                               verbose_name=_("kantor tujuan"))
    anonymous = models.BooleanField(_("anonim"), default=False)
    name = models.CharField(_("nama"), max_length=160, blank=True)
    contact = models.CharField(_("kontak (e-mail/HP)"), max_length=160, blank=True)
    subject = models.CharField(_("perihal"), max_length=200)
    body = models.TextField(_("isi pengaduan"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    response_due = models.DateField(_("batas tanggapan"))
    answer = models.TextField(_("tanggapan"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")

    class Meta:
        ordering = ["-id"]
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        indexes = [models.Index(fields=["office", "status", "id"], name="complaint_office_idx")]

    def __str__(self):
        return self.subject
