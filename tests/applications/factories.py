"""Small builders for application tests: services of each workflow, residents, applications."""

import datetime as dt
import itertools

from balai.accounts.models import Office
from balai.applications.services import application_submit
from balai.registry.models import Person
from balai.services.models import Service
from tests.support.world import VILLAGE

_nik = itertools.count(1)

FORM = [
    {"name": "keperluan", "label": "Keperluan", "type": "text", "required": True, "choices": []},
    {"name": "jumlah", "label": "Jumlah tanggungan", "type": "number", "required": False, "choices": []},
]


def make_service(code="sktm", *, workflow="village_letter", agency="dispendukcapil", days=3, form=None,
                 requirements=None, channels=("online", "village", "counter"), letter_type=None):
    level = {"village_letter": "village", "village_to_agency": "agency", "agency": "agency"}[workflow]
    if letter_type is None:
        letter_type = "sktm" if workflow == "village_letter" else ""
    return Service.objects.create(
        code=code, name=f"Layanan {code}", agency=Office.objects.get(code=agency), level=level,
        requirements=requirements if requirements is not None else [{"name": "KTP", "upload": False}],
        processing_days=days, channels=list(channels), form_fields=FORM if form is None else form,
        workflow=workflow, letter_type=letter_type)


def make_person(village=VILLAGE, *, name="Siti Aminah", birth=dt.date(1990, 5, 17), user=None, email="",
                phone=""):
    n = next(_nik)
    return Person.objects.create(nik=f"3510014{n:09d}", name=name, sex=2, birth_date=birth,
                                 village_id=village, user=user, email=email, phone=phone)


def submit(service, person, *, channel="village", data=None, user=None, membership=None, **kwargs):
    return application_submit(service=service, channel=channel, data=data or {"keperluan": "Berobat"},
                              applicant=person, user=user, membership=membership, **kwargs)


def membership_of(world, role):
    return world.users[role].memberships.get()
