"""Village letters (surat keterangan / pengantar): types and issued letters. A letter is one kind of
``core.Document`` (kind ``letter``): its PDF in storage, SHA-256, signature, verification token,
validity and the log of public checks live on ``letter.document``; the letter keeps what is printed on
it (number, holder, form data, signer). Numbers come from ``core.sequences``."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balai.accounts.models import Office
from balai.core.models import Document, new_verification_token  # noqa: F401 (migration 0001 refers to it)
from balai.regions.models import Region


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


class Letter(models.Model):
    """An issued letter: its official number, the holder's data as printed and who signed it; its
    document (PDF in storage, hash, signature, verification token, validity) is ``letter.document``.
    Issued letters are never edited; they can only be revoked."""

    Status = Document.Status

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    document = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="letter",
                                    verbose_name=_("dokumen"))
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


    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signed_letters",
                               verbose_name=_("penanda tangan"))
    signer_name = models.CharField(_("nama penanda tangan"), max_length=160)
    signer_title = models.CharField(_("jabatan penanda tangan"), max_length=120)
    signed_at = models.DateTimeField(_("waktu tanda tangan"))

    history = HistoricalRecords(excluded_fields=["holder", "data"])

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

    # What is printed on the letter lives here; what makes it a verifiable document is read from it.
    @property
    def pdf(self) -> bytes:
        """The issued PDF, read from storage."""
        return self.document.read_bytes()

    @property
    def pdf_sha256(self) -> str:
        return self.document.sha256

    @property
    def verification_token(self) -> str:
        return self.document.verification_token

    @property
    def status(self) -> str:
        return self.document.status

    @property
    def is_valid(self) -> bool:
        return self.document.is_valid

    def verification_url(self) -> str:
        return self.document.verification_url()


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
