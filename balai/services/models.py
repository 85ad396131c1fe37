"""The public service catalogue: services, the agency responsible for each, and the life events
citizens browse by. Other apps (applications, letters, queues) build on ``Service``.

Invariants:
* ``Service.code`` is a stable public slug (used in URLs and by the data file).
* ``requirements`` is a list of ``{"name": str, "upload": bool}``.
* ``form_fields`` is a list of ``{"name", "label", "type", "required", "choices"}`` with ``type`` in
  ``FIELD_TYPES``.
* ``channels`` is a subset of ``CHANNELS``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from balai.accounts.models import Office
from balai.core import workflow as workflows
from balai.core.choices import choice_keys
from balai.core.money import RupiahField

CHANNELS = {
    "online": _("Daring (dari rumah)"),
    "village": _("Kantor desa/kelurahan"),
    "counter": _("Loket MPP"),
}
FIELD_TYPES = ("text", "textarea", "number", "date", "choice", "nik")
# The workflows a service can run on are declared by the applications app (above this one) and
# registered in ``balai.core.workflow`` under this family; the catalogue reads the registry.
SERVICE_WORKFLOWS = "service"
# A workflow flag: services on such a workflow issue a village letter, so they need a letter type.
ISSUES_VILLAGE_LETTER = "issues_village_letter"
# Letter types are declared in ``letters`` (above this app), which registers them as the choices
# "letter_type" in ``core.choices``; a service's letter type is checked against that registry.


def workflow_choices():
    """The registered service workflows (key, label), for the ``Service.workflow`` field."""
    return workflows.workflow_choices(SERVICE_WORKFLOWS)


def default_workflow():
    return workflows.default_workflow_key(SERVICE_WORKFLOWS)


class LifeEvent(models.Model):
    """A moment in life that needs services (birth, school, marriage …): a way to browse."""

    slug = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    description = models.CharField(_("keterangan"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("peristiwa kehidupan")
        verbose_name_plural = _("peristiwa kehidupan")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:life_event", kwargs={"slug": self.slug})


class ServiceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_listing(self):
        return self.active().select_related("agency").order_by("agency__name", "order", "name")


class Service(models.Model):
    """One public service with its published standard (CPSV-AP style)."""

    class Level(models.TextChoices):
        VILLAGE = "village", _("Kantor desa/kelurahan")
        DISTRICT = "district", _("Kantor kecamatan")
        AGENCY = "agency", _("Instansi / MPP")

    code = models.SlugField(_("kode layanan"), max_length=60, unique=True)
    name = models.CharField(_("nama layanan"), max_length=200)
    agency = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="services", verbose_name=_("instansi penanggung jawab"),
    )
    level = models.CharField(
        _("tempat diproses"), max_length=10, choices=Level.choices, default=Level.AGENCY, db_index=True,
        help_text=_("Di mana permohonan ditangani: kantor desa, kecamatan, atau instansi."),
    )
    description = models.TextField(_("uraian"), blank=True)
    requirements = models.JSONField(
        _("persyaratan"), default=list, blank=True,
        help_text=_('Daftar {"name": "…", "upload": true/false}; upload = wajib diunggah.'),
    )
    conditions = models.TextField(_("ketentuan/syarat pemohon"), blank=True)
    legal_basis = models.TextField(_("dasar hukum"), blank=True)
    processing_days = models.PositiveSmallIntegerField(_("waktu penyelesaian (hari kerja)"), default=1)
    fee = RupiahField(_("biaya (rupiah)"), default=0, help_text=_("0 = gratis"))
    fee_note = models.TextField(_("keterangan biaya"), blank=True)
    output = models.CharField(_("produk layanan"), max_length=255, blank=True)
    channels = models.JSONField(_("kanal"), default=list, blank=True,
                                help_text=_('Daftar dari "online", "village", "counter".'))
    life_events = models.ManyToManyField(LifeEvent, blank=True, related_name="services",
                                         verbose_name=_("peristiwa kehidupan"))
    form_fields = models.JSONField(
        _("isian formulir"), default=list, blank=True,
        help_text=_('Daftar {"name", "label", "type" (text/textarea/number/date/choice/nik), "required", "choices"}.'),
    )
    workflow = models.CharField(_("alur kerja"), max_length=40, choices=workflow_choices, default=default_workflow)
    letter_type = models.CharField(_("jenis surat desa"), max_length=40, blank=True)
    contact = models.CharField(_("kontak"), max_length=255, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True, db_index=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["agency__name", "order", "name"]
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        indexes = [
            # The catalogue lists active services per agency, ordered.
            models.Index(fields=["agency", "is_active", "order"], name="service_agency_active_idx"),
            models.Index(fields=["letter_type"], name="service_letter_type_idx"),
        ]
        # RupiahField refuses a negative fee in forms; this makes the database refuse it too.
        constraints = [models.CheckConstraint(condition=models.Q(fee__gte=0), name="service_fee_not_negative")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("services:detail", kwargs={"code": self.code})

    @property
    def apply_path(self) -> str:
        """Where the applications app takes a request for this service."""
        return f"/layanan/{self.code}/ajukan/"

    @property
    def is_free(self) -> bool:
        return self.fee == 0

    @property
    def upload_requirements(self):
        return [r for r in self.requirements if r.get("upload")]

    def clean(self):
        errors = {}
        if not isinstance(self.requirements, list) or any(
            not isinstance(r, dict) or not r.get("name") for r in self.requirements
        ):
            errors["requirements"] = _('Persyaratan harus berupa daftar {"name": …, "upload": …}.')
        if not isinstance(self.channels, list) or any(c not in CHANNELS for c in self.channels):
            errors["channels"] = _("Kanal hanya boleh: online, village, counter.")
        if not isinstance(self.form_fields, list):
            errors["form_fields"] = _("Isian formulir harus berupa daftar.")
        else:
            names = set()
            for f in self.form_fields:
                if not isinstance(f, dict) or not f.get("name") or f.get("type") not in FIELD_TYPES:
                    errors["form_fields"] = _("Setiap isian perlu name dan type (text/textarea/number/date/choice/nik).")
                    break
                if f["type"] == "choice" and not f.get("choices"):
                    errors["form_fields"] = _("Isian pilihan “%(name)s” perlu daftar pilihan.") % {"name": f["name"]}
                    break
                if f["name"] in names:
                    errors["form_fields"] = _("Nama isian “%(name)s” ganda.") % {"name": f["name"]}
                    break
                names.add(f["name"])
        if self.letter_type and self.letter_type not in choice_keys("letter_type"):
            errors["letter_type"] = _("Jenis surat desa tidak dikenal.")
        if self.workflow in workflows.keys_with_flag(ISSUES_VILLAGE_LETTER, SERVICE_WORKFLOWS) and not self.letter_type:
            errors["letter_type"] = _("Layanan surat desa perlu jenis surat.")
        if errors:
            raise ValidationError(errors)
