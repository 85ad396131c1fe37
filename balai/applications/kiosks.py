"""Survey kiosks: only a device that the service hall's staff enrolled may send anonymous SKM answers,
at a human pace, so that the public IKM cannot be stuffed from any browser.

Answers tied to an application (its survey token) or a queue ticket count once per application or
ticket; the kiosk has no such tie, so it is tied to an enrolled device instead. Enrolment gives the
device a signed cookie (``KIOSK_COOKIE``) naming the hall and a random device id; it cannot be forged
without ``SECRET_KEY``, and staff can end it by enrolling again (a new id) or by clearing the browser.
Each device may send one answer every ``settings.BALAI_KIOSK_PACE_SECONDS`` (one visitor at a time)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from balai.accounts import permissions as perms
from balai.accounts.models import Office

from . import feedback

KIOSK_COOKIE = "balai_kiosk"
KIOSK_SALT = "applications.kiosk"
KIOSK_MAX_AGE = 400 * 24 * 3600  # a kiosk stays enrolled for about a year (browsers cap cookies at 400 days)


def check_kiosk_enroller(*, membership) -> Office:
    """The hall that ``membership`` may enrol a kiosk for: staff of a service-hall office only."""
    if not perms.holds(perms.at_hall, membership):
        raise PermissionDenied(_("Hanya petugas Mal Pelayanan Publik/gerai yang dapat mendaftarkan kios survei."))
    return membership.office


def kiosk_enroll(*, actor, membership) -> str:
    """Enrol the device of this request as a survey kiosk of the acting officer's hall; the signed
    value for ``KIOSK_COOKIE``."""
    hall = check_kiosk_enroller(membership=membership)
    return signing.dumps({"hall": hall.code, "device": uuid.uuid4().hex, "by": actor.pk}, salt=KIOSK_SALT)


def kiosk_device(value: str | None) -> dict | None:
    """{"hall": Office, "device": id} of an enrolled kiosk cookie, or None (missing, forged, expired,
    or its hall no longer a hall)."""
    if not value:
        return None
    try:
        data = signing.loads(value, salt=KIOSK_SALT, max_age=KIOSK_MAX_AGE)
    except signing.BadSignature:
        return None
    hall = Office.objects.filter(code=data.get("hall", ""), kind=Office.Kind.HALL, is_active=True).first()
    if hall is None or not data.get("device"):
        return None
    return {"hall": hall, "device": str(data["device"])}


def kiosk_survey_submit(*, device: dict | None, service, **answers):
    """One anonymous answer from a kiosk: refused unless the device is enrolled and its last answer is
    at least ``BALAI_KIOSK_PACE_SECONDS`` old; stored through ``feedback.survey_submit`` (its rules and
    messages) for the kiosk's own hall."""
    if device is None:
        raise ValidationError(_("Perangkat ini belum terdaftar sebagai kios survei, jadi penilaian tidak "
                                "disimpan. Isi survei dari tautan di halaman permohonan atau nomor antrean "
                                "Anda, atau minta petugas mendaftarkan kios ini."))
    pace = settings.BALAI_KIOSK_PACE_SECONDS
    key = f"kiosk-pace:{device['device']}"
    if not caches["ratelimit"].add(key, 1, timeout=pace):
        raise ValidationError(_("Penilaian sebelumnya baru saja diterima. Tunggu %(seconds)s detik sebelum "
                                "pengunjung berikutnya mengisi.") % {"seconds": pace})
    try:
        return feedback.survey_submit(**answers, service=service, hall=device["hall"])
    except ValidationError:
        caches["ratelimit"].delete(key)  # a refused answer does not use up the device's turn
        raise
