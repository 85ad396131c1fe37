"""Writes to a village's own units (dusun > RW > RT), with who may make them checked here.

Regions sits below accounts and knows neither offices nor roles: accounts registers, in its
``AppConfig.ready()``, the test that a membership may manage a village's units
(``register_unit_manager``); the region part of the check is the membership's ``RegionScope``."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from .models import VillageUnit

_unit_manager: Callable | None = None


def register_unit_manager(test: Callable) -> None:
    """``test(membership) -> bool``: whether a membership's role and office may change village units."""
    global _unit_manager
    _unit_manager = test


def check_village_units_edit(*, actor=None, membership, village) -> None:
    """Refuse (``PermissionDenied``) unless ``membership`` may change the units of ``village``: village
    staff of that village's own office, acting as ``actor`` when one is named. Without a registered
    test nobody may (deny by default)."""
    allowed = (membership is not None and _unit_manager is not None and _unit_manager(membership)
               and membership.scope.covers(village.code) and (actor is None or membership.user_id == actor.pk))
    if not allowed:
        raise PermissionDenied(_("Anda tidak berwenang mengubah dusun/RW/RT desa ini."))


@transaction.atomic
def village_unit_create(*, actor, membership, village, kind: str, name: str, parent: VillageUnit | None = None,
                        head_name: str = "") -> VillageUnit:
    """Add a dusun, RW or RT to ``village``; raises ``ValidationError`` with the rule it breaks."""
    check_village_units_edit(actor=actor, membership=membership, village=village)
    unit = VillageUnit(village=village, kind=kind, name=name, parent=parent, head_name=(head_name or "").strip())
    unit.full_clean()
    unit._history_user = actor
    unit.save()
    return unit
