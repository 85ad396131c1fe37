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
