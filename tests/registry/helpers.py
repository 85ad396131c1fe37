"""Small builders for registry tests (a few rows, never big data)."""

import datetime

from balai.regions.models import Region
from balai.registry import codes, services
from balai.registry.identity import make_kk, make_nik

SARONGAN = "35.10.01.2001"
SUMBERAGUNG = "35.10.01.2004"
OTHER_DISTRICT_VILLAGE_PREFIX = "35.10.02."

_serial = {"n": 100}


def next_serial():
    _serial["n"] += 1
    return _serial["n"]


def family(village_code=SARONGAN, registered=datetime.date(2015, 3, 12)):
    village = Region.objects.get(code=village_code)
    region6 = village_code.replace(".", "")[:6]
    return services.family_create(village=village, kk_number=make_kk(region6, registered, next_serial()),
                                  address="Jl. Pantai 7")


def person(fam=None, *, village_code=None, name="Budi Santoso", sex=codes.Sex.MALE,
           birth_date=datetime.date(1980, 5, 17), relationship=codes.Relationship.HEAD, **extra):
    village_code = village_code or (fam.village_id if fam else SARONGAN)
    village = Region.objects.get(code=village_code)
    nik = extra.pop("nik", None) or make_nik(village_code.replace(".", "")[:6], birth_date, sex, next_serial())
    return services.person_create(village=village, nik=nik, name=name, sex=sex, birth_date=birth_date,
                                  family=fam, relationship=relationship, **extra)


def other_district_village():
    return Region.objects.filter(code__startswith=OTHER_DISTRICT_VILLAGE_PREFIX, level=4).order_by("code").first()
