"""Writes of accounts: a staff member's TOTP device (set up, confirmed, replacing the old one).

Keyword-only and checked here: citizens have no second factor, and nobody confirms another
person's device. Signing in and switching the acting membership are session state (the views)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Autentikator"


def _check_staff(user) -> None:
    if user is None or not user.is_authenticated or user.is_citizen:
        raise PermissionDenied(_("Verifikasi dua langkah hanya untuk akun petugas."))


def totp_device_pending(*, user) -> TOTPDevice:
    """The unconfirmed device the set-up page shows as a QR code (made once, kept until confirmed)."""
    _check_staff(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def totp_device_confirm(*, user, device: TOTPDevice, token: str) -> bool:
    """Confirm ``device`` with one code from the app; it replaces the user's earlier device. False
    (and nothing changed) when the code does not match."""
    _check_staff(user)
    if device.user_id != user.pk:
        raise PermissionDenied(_("Perangkat autentikator ini milik akun lain."))
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True
