from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .scope import RegionScope


class Level(models.IntegerChoices):
    PROVINCE = 1, _("Provinsi")
    REGENCY = 2, _("Kabupaten/Kota")
    DISTRICT = 3, _("Kecamatan")
    VILLAGE = 4, _("Desa/Kelurahan")


class Kind(models.TextChoices):
    PROVINCE = "provinsi", _("Provinsi")
    REGENCY = "kabupaten", _("Kabupaten")
    CITY = "kota", _("Kota")
    DISTRICT = "kecamatan", _("Kecamatan")
    VILLAGE = "desa", _("Desa")
    URBAN_VILLAGE = "kelurahan", _("Kelurahan")


def level_of(code: str) -> int:
    return code.count(".") + 1


def kind_of(code: str, name: str) -> str:
    """Kind from the code (and, for level 2, the name): ``1xxx`` kelurahan, ``2xxx`` desa."""
    level = level_of(code)
    if level == 1:
        return Kind.PROVINCE
    if level == 2:
        return Kind.CITY if name.lower().startswith("kota") else Kind.REGENCY
    if level == 3:
        return Kind.DISTRICT
    return Kind.URBAN_VILLAGE if code.rsplit(".", 1)[1].startswith("1") else Kind.VILLAGE


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


class RegionQuerySet(models.QuerySet):
    def within(self, code: str):
        """The region itself and its whole subtree: one range on the code (no recursion)."""
        return self.filter(RegionScope(code).q("code"))

    def below(self, code: str):
        """The subtree without the region itself."""
        return self.within(code).exclude(code=code)

    def villages(self):
        return self.filter(level=Level.VILLAGE)

    def districts(self):
        return self.filter(level=Level.DISTRICT)


class Region(models.Model):
    """One row of the Kemendagri list: province, kabupaten/kota, kecamatan or desa/kelurahan."""

    code = models.CharField(_("kode"), max_length=13, primary_key=True)
    name = models.CharField(_("nama"), max_length=120)
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=Level.choices, db_index=True)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", db_constraint=False
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        indexes = [models.Index(fields=["parent", "code"]), models.Index(fields=["level", "code"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}" if self.level >= 3 else self.name

    @property
    def compact_code(self) -> str:
        """The code without dots, as in NIK and KK numbers (35.10.01.2001 -> 3510012001)."""
        return self.code.replace(".", "")

    def ancestors_codes(self) -> list[str]:
        parts = self.code.split(".")
        return [".".join(parts[:i]) for i in range(1, len(parts))]

    def ancestors(self):
        return Region.objects.filter(code__in=self.ancestors_codes()).order_by("level")

    def is_within(self, code: str) -> bool:
        return RegionScope(code).covers(self.code)


class UnitKind(models.TextChoices):
    DUSUN = "dusun", _("Dusun/Lingkungan")
    RW = "rw", _("RW")
    RT = "rt", _("RT")


class VillageUnit(models.Model):
    """Village-internal units created by village operators: dusun > RW > RT."""

    PARENT_KIND = {UnitKind.RW: UnitKind.DUSUN, UnitKind.RT: UnitKind.RW}

    village = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="units")
    kind = models.CharField(_("jenis"), max_length=5, choices=UnitKind.choices)
    name = models.CharField(_("nama/nomor"), max_length=60)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    head_name = models.CharField(_("nama ketua/kepala"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["village", "kind", "name"]
        verbose_name = _("satuan wilayah desa")
        verbose_name_plural = _("satuan wilayah desa")
        constraints = [
            models.UniqueConstraint(fields=["village", "kind", "parent", "name"], name="unique_unit_name_per_parent"),
            models.UniqueConstraint(
                fields=["village", "kind", "name"], condition=models.Q(parent__isnull=True),
                name="unique_top_unit_name",
            ),
        ]

    def __str__(self):
        if self.kind == UnitKind.DUSUN:
            return f"Dusun {self.name}"
        path = []
        unit = self
        while unit is not None:
            path.append(f"{unit.get_kind_display()} {unit.name}" if unit.kind != UnitKind.DUSUN else f"Dusun {unit.name}")
            unit = unit.parent
        return " / ".join(reversed(path))

    def clean(self):
        if self.village_id and self.village.level != Level.VILLAGE:
            raise ValidationError({"village": _("Satuan wilayah hanya dapat dibuat di desa atau kelurahan.")})
        expected = self.PARENT_KIND.get(self.kind)
        if expected is None and self.parent_id:
            raise ValidationError({"parent": _("Dusun tidak berada di bawah satuan lain.")})
        if expected is not None:
            if not self.parent_id:
                raise ValidationError({"parent": _("%(kind)s harus berada di bawah %(parent)s.") % {
                    "kind": self.get_kind_display(), "parent": UnitKind(expected).label}})
            if self.parent.kind != expected or self.parent.village_id != self.village_id:
                raise ValidationError({"parent": _("Induk harus %(parent)s di desa yang sama.") % {
                    "parent": UnitKind(expected).label}})
        self.name = (self.name or "").strip()
        if self.kind in (UnitKind.RW, UnitKind.RT):
            if not self.name.isdigit():
                raise ValidationError({"name": _("Nomor RW/RT harus berupa angka, misalnya 003.")})
            self.name = self.name.zfill(3)
