"""The population register: persons, families (KK), households, life events, welfare, schooling.

Scale: 1.7 million persons in one regency. Every list filter has an index here, next to the
model; lists use keyset pagination on ``(name_search, id)`` or ``(village_id, id)``.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balai.core.links import detail_url
from balai.regions.models import Region, VillageUnit

from . import codes
from .identity import mask_nik


def normalise_name(value: str) -> str:
    """Lower-case, spaces collapsed: what name search compares (case- and space-insensitive)."""
    return " ".join(str(value or "").lower().split())


class Household(models.Model):
    """A rumah tangga, recorded only where it differs from the family (it may hold several families)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("nomor rumah tangga"), max_length=30, blank=True)
    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="households",
                                verbose_name=_("desa/kelurahan"))
    head = models.ForeignKey("Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("kepala rumah tangga"))
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rumah tangga")
        verbose_name_plural = _("rumah tangga")

    def __str__(self):
        return self.number or str(self.public_id)[:8]


class Family(models.Model):
    """A family card (KK). Its number may change (split, reissue); the history keeps old numbers."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kk_number = models.CharField(_("nomor KK"), max_length=16)  # unique: see Meta.constraints
    head = models.ForeignKey("Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("kepala keluarga"))
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="families",
                                # The (village, id) index serves every lookup (ranges too); no LIKE index.
                                verbose_name=_("desa/kelurahan"), db_index=False)
    dusun = models.ForeignKey(VillageUnit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("dusun"))
    rw = models.ForeignKey(VillageUnit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                           verbose_name=_("RW"))
    rt = models.ForeignKey(VillageUnit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                           verbose_name=_("RT"))
    household = models.ForeignKey(Household, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="families", verbose_name=_("rumah tangga"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keluarga")
        verbose_name_plural = _("keluarga")
        indexes = [
            # Keyset family lists per village.
            models.Index(fields=["village", "id"], name="family_village_id"),
        ]
        constraints = [
            # A constraint rather than unique=True: on PostgreSQL that would add a second, varchar_pattern_ops
            # index for LIKE, which nothing needs (prefix search is a range on this index; see
            # selectors.prefix_q) and every write and import would maintain.
            models.UniqueConstraint(fields=["kk_number"], name="family_kk_number_unique"),
        ]

    def __str__(self):
        return f"KK {self.masked_kk}"

    def get_absolute_url(self):
        return detail_url("registry:family", self.public_id)

    @property
    def masked_kk(self) -> str:
        return mask_nik(self.kk_number)


class Person(models.Model):
    """One resident (a row of the village register, following Dukcapil's forms)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nik = models.CharField(_("NIK"), max_length=16)  # unique: see Meta.constraints
    nik_is_temporary = models.BooleanField(_("nomor sementara"), default=False,
                                           help_text=_("Warga belum memiliki NIK; nomor ini harus diganti."))
    name = models.CharField(_("nama"), max_length=120)
    name_search = models.CharField(max_length=120, editable=False)
    sex = models.PositiveSmallIntegerField(_("jenis kelamin"), choices=codes.Sex.choices)
    birth_place = models.CharField(_("tempat lahir"), max_length=80, blank=True)
    birth_date = models.DateField(_("tanggal lahir"))
    religion = models.PositiveSmallIntegerField(_("agama"), choices=codes.Religion.choices, default=codes.Religion.ISLAM)
    education = models.PositiveSmallIntegerField(_("pendidikan (KK)"), choices=codes.Education.choices,
                                                 default=codes.Education.NONE)
    occupation = models.PositiveSmallIntegerField(_("pekerjaan"), choices=codes.Occupation.choices,
                                                  default=codes.Occupation.NONE)
    marital_status = models.PositiveSmallIntegerField(_("status perkawinan"), choices=codes.MaritalStatus.choices,
                                                      default=codes.MaritalStatus.SINGLE)
    citizenship = models.PositiveSmallIntegerField(_("kewarganegaraan"), choices=codes.Citizenship.choices,
                                                   default=codes.Citizenship.WNI)
    blood_type = models.PositiveSmallIntegerField(_("golongan darah"), choices=codes.BloodType.choices,
                                                  default=codes.BloodType.UNKNOWN)
    disability = models.PositiveSmallIntegerField(_("disabilitas"), choices=codes.Disability.choices,
                                                  default=codes.Disability.NONE)
    relationship = models.PositiveSmallIntegerField(_("hubungan dalam keluarga"), choices=codes.Relationship.choices,
                                                    default=codes.Relationship.HEAD)
    father_name = models.CharField(_("nama ayah"), max_length=120, blank=True)
    mother_name = models.CharField(_("nama ibu"), max_length=120, blank=True)
    father_nik = models.CharField(_("NIK ayah"), max_length=16, blank=True)
    mother_nik = models.CharField(_("NIK ibu"), max_length=16, blank=True)
    phone = models.CharField(_("nomor HP"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    life_status = models.PositiveSmallIntegerField(_("status dasar"), choices=codes.LifeStatus.choices,
                                                   default=codes.LifeStatus.ALIVE)
    residence_status = models.PositiveSmallIntegerField(_("status tinggal"), choices=codes.ResidenceStatus.choices,
                                                        default=codes.ResidenceStatus.PERMANENT)
    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="persons",
                                # The (village, id) index serves every lookup (ranges too); no LIKE index.
                                verbose_name=_("desa/kelurahan"), db_index=False)
    rt = models.ForeignKey(VillageUnit, on_delete=models.SET_NULL, null=True, blank=True, related_name="persons",
                           verbose_name=_("RT"))
    family = models.ForeignKey(Family, on_delete=models.SET_NULL, null=True, blank=True, related_name="members",
                               verbose_name=_("keluarga"))
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="person", verbose_name=_("akun warga"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["name_search", "updated_at"])

    class Meta:
        verbose_name = _("penduduk")
        verbose_name_plural = _("penduduk")
        indexes = [
            # Search lists: prefix of the normalised name within a village / anywhere, keyset on (name, id).
            models.Index(fields=["village", "name_search", "id"], name="person_village_name"),
            models.Index(fields=["name_search", "id"], name="person_name"),
            # Keyset lists per village in entry order.
            models.Index(fields=["village", "id"], name="person_village_id"),
            models.Index(fields=["village", "life_status", "sex", "birth_date"], name="person_village_stats"),
            models.Index(fields=["life_status"], name="person_life_status"),
        ]
        constraints = [
            # Duplicate NIKs are impossible, also under concurrent entry. A constraint rather than unique=True,
            # for the reason given at Family.Meta.
            models.UniqueConstraint(fields=["nik"], name="person_nik_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_search = normalise_name(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = list(set(update_fields) | {"name_search"})
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return detail_url("registry:person", self.public_id)

    @property
    def masked_nik(self) -> str:
        return mask_nik(self.nik)

    def age_on(self, day) -> int:
        return day.year - self.birth_date.year - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))

    @property
    def is_active_resident(self) -> bool:
        return self.life_status == codes.LifeStatus.ALIVE


class LifeEvent(models.Model):
    """A birth, death, move in/out, missing or left: a row that changed the person's status."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="events", verbose_name=_("penduduk"))
    kind = models.CharField(_("peristiwa"), max_length=10, choices=codes.LifeEventKind.choices)
    date = models.DateField(_("tanggal peristiwa"))
    note = models.TextField(_("keterangan"), blank=True)
    destination = models.CharField(_("tujuan/asal"), max_length=200, blank=True)
    previous_life_status = models.PositiveSmallIntegerField(choices=codes.LifeStatus.choices, null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("dicatat oleh"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("peristiwa kependudukan")
        verbose_name_plural = _("peristiwa kependudukan")
        indexes = [models.Index(fields=["person", "date"], name="lifeevent_person_date"),
                   models.Index(fields=["kind", "date"], name="lifeevent_kind_date")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}"


class Welfare(models.Model):
    """Welfare status of a family (desil 1 = poorest 10%), from a source such as DTKS or DTSEN."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="welfare", verbose_name=_("keluarga"))
    decile = models.PositiveSmallIntegerField(_("desil"), validators=[MinValueValidator(1), MaxValueValidator(10)])
    source = models.CharField(_("sumber"), max_length=8, choices=codes.WelfareSource.choices,
                              default=codes.WelfareSource.DTSEN)
    date = models.DateField(_("tanggal data"))
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("status kesejahteraan")
        verbose_name_plural = _("status kesejahteraan")
        indexes = [models.Index(fields=["family", "date"], name="welfare_family_date")]
        constraints = [models.CheckConstraint(condition=models.Q(decile__gte=1, decile__lte=10),
                                              name="welfare_decile_1_10")]

    def __str__(self):
        return f"Desil {self.decile} ({self.source} {self.date})"


WelfareStatus = Welfare


class Schooling(models.Model):
    """Schooling of a person (for education programmes): current school, level, grade and status."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="schooling", verbose_name=_("penduduk"))
    school = models.CharField(_("sekolah"), max_length=160, blank=True)
    level = models.CharField(_("jenjang"), max_length=4, choices=codes.SchoolLevel.choices)
    grade = models.PositiveSmallIntegerField(_("kelas"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=codes.SchoolStatus.choices,
                              default=codes.SchoolStatus.ENROLLED)
    dropout_reason = models.CharField(_("alasan putus sekolah"), max_length=200, blank=True)
    dropout_date = models.DateField(_("tanggal putus sekolah"), null=True, blank=True)
    updated = models.DateTimeField(_("diperbarui"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated", "-id"]
        verbose_name = _("data sekolah")
        verbose_name_plural = _("data sekolah")
        indexes = [models.Index(fields=["person"], name="schooling_person"),
                   models.Index(fields=["status", "level"], name="schooling_status_level")]

    def __str__(self):
        return f"{self.get_level_display()} {self.school}"


class PopulationSummary(models.Model):
    """Pre-aggregated counts per village (refreshed by ``population_summary_refresh``), so regency
    statistics read ~217 × a few hundred rows instead of 1.7 million persons.

    ``dimension``: ``age`` (key = age band lower bound), ``education``, ``occupation``, ``religion``,
    ``marital``, ``welfare`` (families by latest decile; sex 0), ``families`` (key "all", sex 0).
    """

    village = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    dimension = models.CharField(max_length=12)
    key = models.CharField(max_length=12)
    sex = models.PositiveSmallIntegerField(default=0)
    count = models.PositiveIntegerField(default=0)
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["village", "dimension", "key", "sex"],
                                               name="unique_population_summary_cell")]
        indexes = [models.Index(fields=["dimension", "village"], name="popsummary_dim_village")]

    def __str__(self):
        return f"{self.village_id} {self.dimension}={self.key} ({self.sex}): {self.count}"
