from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balai.regions.models import Region
from balai.regions.scope import RegionScope


class User(AbstractUser):
    """A person who signs in: staff (with memberships in offices) or a citizen."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("Petugas")
        CITIZEN = "citizen", _("Warga")

    kind = models.CharField(_("jenis akun"), max_length=10, choices=Kind.choices, default=Kind.STAFF)
    phone = models.CharField(_("nomor HP"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def is_citizen(self) -> bool:
        return self.kind == self.Kind.CITIZEN

    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Office(models.Model):
    """Where staff work: a village office, a kecamatan office, an agency, or a service hall."""

    class Kind(models.TextChoices):
        VILLAGE = "village", _("Kantor desa/kelurahan")
        DISTRICT = "district", _("Kantor kecamatan")
        AGENCY = "agency", _("Perangkat daerah (OPD)")
        NATIONAL = "national", _("Instansi vertikal/nasional")
        HALL = "hall", _("Mal Pelayanan Publik / gerai")
        REGENCY = "regency", _("Pemerintah kabupaten")

    class WorkWeek(models.TextChoices):
        MON_FRI = "mon-fri", _("Senin–Jumat")
        MON_SAT = "mon-sat", _("Senin–Sabtu")

    code = models.SlugField(_("kode kantor"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=160)
    short_name = models.CharField(_("singkatan"), max_length=40, blank=True)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, db_index=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="offices", verbose_name=_("wilayah kerja"),
        help_text=_("Kantor bekerja di wilayah ini beserta seluruh wilayah di bawahnya."),
    )
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    work_week = models.CharField(_("hari kerja"), max_length=8, choices=WorkWeek.choices, default=WorkWeek.MON_FRI)
    head_title = models.CharField(_("jabatan pimpinan"), max_length=80, blank=True)
    head_name = models.CharField(_("nama pimpinan"), max_length=120, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("kantor")
        verbose_name_plural = _("kantor")
        constraints = [
            models.UniqueConstraint(
                fields=["region"], condition=models.Q(kind="village"), name="one_village_office_per_village"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def scope_code(self) -> str:
        """Region code prefix this office works within."""
        return self.region_id

    @property
    def scope(self) -> RegionScope:
        """The region subtree this office works within (its region and everything below it)."""
        return RegionScope(self.region_id, office_kind=self.kind, office=self)


class Role(models.TextChoices):
    OPERATOR = "operator", _("Operator")
    SECRETARY = "secretary", _("Sekretaris")
    HEAD = "head", _("Kepala")
    VERIFIER = "verifier", _("Verifikator")
    AGENCY_OFFICER = "agency_officer", _("Petugas instansi")
    COUNTER_OFFICER = "counter_officer", _("Petugas loket")
    ADMINISTRATOR = "administrator", _("Administrator")
    AUDITOR = "auditor", _("Auditor")
    VIEWER = "viewer", _("Pemantau")


class Membership(models.Model):
    """User x office x role. A person may hold several and switch between them."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["office__name", "role"]
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [models.UniqueConstraint(fields=["user", "office", "role"], name="unique_membership")]

    def __str__(self):
        return f"{self.get_role_display()} — {self.office.name}"

    @property
    def scope_code(self) -> str:
        return self.office.region_id

    @property
    def scope(self) -> RegionScope:
        """The region subtree this membership works within: its office's."""
        return self.office.scope

    def covers(self, region_code: str) -> bool:
        """True when region_code lies within this membership's office region."""
        return self.scope.covers(region_code)
