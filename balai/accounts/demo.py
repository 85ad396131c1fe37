"""Offices of a regency and the demo users. Idempotent."""

from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from balai.regions.models import Kind, Level, Region

from .models import Membership, Office, Role, User

AGENCIES_FILE = Path(__file__).resolve().parent / "data" / "agencies.yaml"
DEMO_PASSWORD = "balai-demo-2026"
# Base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ: type it into an authenticator app for the demo admin.
DEMO_ADMIN_TOTP_HEX = "3132333435363738393031323334353637383930"
DEMO_ADMIN_TOTP_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
DEMO_VILLAGE = "35.10.01.2001"  # Desa Sarongan, Kecamatan Pesanggaran
DEMO_DISTRICT = "35.10.01"


def village_office_code(region_code):
    return "desa-" + region_code.replace(".", "")


def district_office_code(region_code):
    return "kec-" + region_code.replace(".", "")


def ensure_offices(regency_code: str | None = None) -> dict:
    """One office per desa/kelurahan and kecamatan of the regency, the regency government, its
    agencies and the service hall. Returns counts of offices created."""
    regency_code = regency_code or settings.BALAI_REGENCY
    regency = Region.objects.get(code=regency_code)
    existing = set(Office.objects.values_list("code", flat=True))
    created = 0
    new = []
    pemkab_code = "pemkab"
    if pemkab_code not in existing:
        new.append(Office(code=pemkab_code, name=f"Pemerintah {regency.name}", short_name="Pemkab",
                          kind=Office.Kind.REGENCY, region=regency, head_title="Bupati"))
    if "mpp" not in existing:
        new.append(Office(code="mpp", name=f"Mal Pelayanan Publik {regency.name.replace('Kabupaten ', '')}",
                          short_name="MPP", kind=Office.Kind.HALL, region=regency, work_week=Office.WorkWeek.MON_SAT))
    for item in yaml.safe_load(AGENCIES_FILE.read_text(encoding="utf-8")):
        if item["code"] not in existing:
            new.append(Office(code=item["code"], name=item["name"], short_name=item.get("short", ""),
                              kind=item["kind"], region=regency, head_title="Kepala"))
    for region in Region.objects.below(regency_code).filter(level__in=[Level.DISTRICT, Level.VILLAGE]):
        if region.level == Level.DISTRICT:
            code = district_office_code(region.code)
            if code not in existing:
                new.append(Office(code=code, name=f"Kantor Kecamatan {region.name}", kind=Office.Kind.DISTRICT,
                                  region=region, head_title="Camat"))
        else:
            code = village_office_code(region.code)
            if code not in existing:
                label = "Kelurahan" if region.kind == Kind.URBAN_VILLAGE else "Desa"
                new.append(Office(code=code, name=f"Kantor {label} {region.name}", kind=Office.Kind.VILLAGE,
                                  region=region, head_title="Lurah" if label == "Kelurahan" else "Kepala Desa"))
    with transaction.atomic():
        for office in new:
            office.save()  # one by one so that simple-history records the creation
            created += 1
    return {"created": created, "total": Office.objects.count()}


DEMO_USERS = [
    # username, full name, office code (function of regency), role, kind
    ("operator", "Siti Rahmawati", lambda: village_office_code(DEMO_VILLAGE), Role.OPERATOR),
    ("sekretaris", "Bambang Sutrisno", lambda: village_office_code(DEMO_VILLAGE), Role.SECRETARY),
    ("kades", "Hadi Purnomo", lambda: village_office_code(DEMO_VILLAGE), Role.HEAD),
    ("verifikator", "Dewi Lestari", lambda: district_office_code(DEMO_DISTRICT), Role.VERIFIER),
    ("camat", "Agus Santoso", lambda: district_office_code(DEMO_DISTRICT), Role.HEAD),
    ("petugas-dukcapil", "Rina Wulandari", lambda: "dispendukcapil", Role.AGENCY_OFFICER),
    ("petugas-loket", "Yusuf Hidayat", lambda: "mpp", Role.COUNTER_OFFICER),
    ("admin", "Administrator Kabupaten", lambda: "pemkab", Role.ADMINISTRATOR),
    ("auditor", "Inspektorat Daerah", lambda: "pemkab", Role.AUDITOR),
    ("pemantau", "Kantor Bupati", lambda: "pemkab", Role.VIEWER),
]


def ensure_demo_users() -> list[tuple[str, str, str]]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    rows = []
    for username, full_name, office_code, role in DEMO_USERS:
        first, _, last = full_name.partition(" ")
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "kind": User.Kind.STAFF}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            if role == Role.ADMINISTRATOR:
                user.is_staff = True
                user.is_superuser = True
            user.save()
        office = Office.objects.get(code=office_code())
        Membership.objects.get_or_create(user=user, office=office, role=role)
        if role == Role.ADMINISTRATOR and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name="Demo", key=DEMO_ADMIN_TOTP_HEX, confirmed=True)
        rows.append((username, Role(role).label, office.name))
    citizen, created = User.objects.get_or_create(
        username="warga", defaults={"first_name": "Warga", "last_name": "Sarongan", "kind": User.Kind.CITIZEN}
    )
    if created:
        citizen.set_password(DEMO_PASSWORD)
        citizen.save()
    rows.append(("warga", "Warga", "-"))
    return rows
