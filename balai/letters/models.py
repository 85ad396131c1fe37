"""Village letters (surat keterangan / pengantar): types, gap-free numbering, issued letters with their
signature and QR verification token, and the log of every public verification."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balai.accounts.models import Office
from balai.regions.models import Region


def new_verification_token() -> str:
    """Unguessable token for the public verification URL printed in the QR code (192 bits)."""
    return secrets.token_urlsafe(24)


class LetterType(models.Model):
    """A kind of letter a village issues: its key (``Service.letter_type``), the archive
    classification code that opens its number (e.g. 401), its title and body template."""

    key = models.SlugField(_("kunci"), max_length=40, unique=True)
    classification_code = models.CharField(_("kode klasifikasi"), max_length=12,
                                           help_text=_("Kode klasifikasi arsip, bagian pertama nomor surat (mis. 470)."))
    title = models.CharField(_("judul"), max_length=160)
    template_name = models.CharField(_("templat isi"), max_length=120)
    purpose_default = models.CharField(_("keperluan bawaan"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("jenis surat")
        verbose_name_plural = _("jenis surat")

    def __str__(self):
        return self.title


class LetterSequence(models.Model):
    """The counter behind letter numbers. One row per village, scope and year (month 0 = yearly).
    The issuing transaction locks the row (SELECT … FOR UPDATE), so numbers are unique and have no
    gaps: a failed issuance rolls back its increment together with the letter row."""

    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    scope = models.CharField(_("cakupan"), max_length=40,
                             help_text=_("Kode klasifikasi, '*' untuk semua surat, atau 'register' untuk buku agenda."))
    year = models.PositiveSmallIntegerField(_("tahun"))
    last_number = models.PositiveIntegerField(_("nomor terakhir"), default=0)

    class Meta:
        verbose_name = _("urutan nomor surat")
        verbose_name_plural = _("urutan nomor surat")
        constraints = [models.UniqueConstraint(fields=["village", "scope", "year"], name="unique_letter_sequence")]

    def __str__(self):
        return f"{self.village_id} {self.scope} {self.year}: {self.last_number}"


class Letter(models.Model):
    """An issued letter: its official number, the holder's data as printed, the PDF and its hash,
    and the electronic signature. Issued letters are never edited; they can only be revoked."""

    class Status(models.TextChoices):
        VALID = "valid", _("Berlaku")
        REVOKED = "revoked", _("Dicabut")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    verification_token = models.CharField(max_length=64, unique=True, default=new_verification_token, editable=False)
    letter_type = models.ForeignKey(LetterType, on_delete=models.PROTECT, related_name="letters",
                                    verbose_name=_("jenis surat"))
    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("desa"))
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="letters", verbose_name=_("kantor"))
    application = models.OneToOneField("applications.Application", on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="letter", verbose_name=_("permohonan"))
    person = models.ForeignKey("registry.Person", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="letters", verbose_name=_("penduduk"))

    number = models.CharField(_("nomor surat"), max_length=80, unique=True)
    sequence = models.PositiveIntegerField(_("nomor urut"))
    sequence_scope = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField(_("tahun"))
    issued_at = models.DateTimeField(_("tanggal terbit"))

    holder_name = models.CharField(_("nama pemegang"), max_length=160)
    holder = models.JSONField(_("data pemegang"), default=dict, blank=True)
    data = models.JSONField(_("isi formulir"), default=dict, blank=True)
    purpose = models.CharField(_("keperluan"), max_length=255, blank=True)

    pdf = models.BinaryField(_("berkas PDF"), editable=False)
    pdf_sha256 = models.CharField(_("SHA-256 PDF"), max_length=64, db_index=True)

    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signed_letters",
                               verbose_name=_("penanda tangan"))
    signer_name = models.CharField(_("nama penanda tangan"), max_length=160)
    signer_title = models.CharField(_("jabatan penanda tangan"), max_length=120)
    signed_at = models.DateTimeField(_("waktu tanda tangan"))
    signature_method = models.CharField(_("metode tanda tangan"), max_length=20)
    signature_key_id = models.CharField(max_length=80, blank=True)
    signature_value = models.TextField(_("nilai tanda tangan"), blank=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    revoked_at = models.DateTimeField(_("waktu pencabutan"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    revoke_reason = models.TextField(_("alasan pencabutan"), blank=True)

    history = HistoricalRecords(excluded_fields=["pdf", "holder", "data"])

    class Meta:
        verbose_name = _("surat")
        verbose_name_plural = _("surat")
        ordering = ["-issued_at", "-id"]
        indexes = [
            # Staff list: letters of one village (or a kecamatan prefix), newest first, keyset on id.
            models.Index(fields=["village", "-id"], name="letter_village_id"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["village", "sequence_scope", "year", "sequence"],
                                    name="unique_letter_sequence_number"),
        ]

    def __str__(self):
        return f"{self.letter_type.title} {self.number}"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    def verification_url(self) -> str:
        return f"{settings.BALAI_PUBLIC_URL}/verifikasi/{self.verification_token}/"


class Verification(models.Model):
    """One public check of a letter: someone opened the QR link or uploaded a PDF to compare."""

    class Method(models.TextChoices):
        VIEW = "view", _("Membuka tautan")
        UPLOAD = "upload", _("Mengunggah PDF")
        API = "api", _("API")

    class Result(models.TextChoices):
        VALID = "valid", _("Berlaku")
        REVOKED = "revoked", _("Dicabut")
        MATCH = "match", _("PDF cocok")
        MISMATCH = "mismatch", _("PDF tidak cocok")

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="verifications")
    at = models.DateTimeField(auto_now_add=True)
    method = models.CharField(max_length=10, choices=Method.choices)
    result = models.CharField(max_length=10, choices=Result.choices)
    presented_sha256 = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("verifikasi surat")
        verbose_name_plural = _("verifikasi surat")
        indexes = [models.Index(fields=["letter", "-at"], name="verification_letter_at")]

    def __str__(self):
        return f"{self.letter_id} {self.method} {self.result}"


class OutgoingMail(models.Model):
    """An entry in the village's outgoing-mail register (buku agenda surat keluar) for letters not
    issued through Balai. In numbering mode ``register`` it shares the sequence with issued letters."""

    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("desa"))
    number = models.CharField(_("nomor surat"), max_length=80, unique=True)
    sequence = models.PositiveIntegerField(_("nomor urut"))
    classification_code = models.CharField(_("kode klasifikasi"), max_length=12)
    subject = models.CharField(_("perihal"), max_length=200)
    recipient = models.CharField(_("tujuan"), max_length=200)
    sent_on = models.DateField(_("tanggal"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("surat keluar")
        verbose_name_plural = _("surat keluar")
        ordering = ["-sent_on", "-id"]

    def __str__(self):
        return f"{self.number} {self.subject}"
