"""Who-acts scopes for workflows (``balai.core.workflow``), registered in ``AccountsConfig.ready()``.

A scope answers, for one subject of a workflow (an application, next a budget or a programme case):
does this membership's office act for it, and which office is that. Subjects describe where they
belong with three attributes (any may be empty):

* ``village_id`` — the region code of the village the subject belongs to (``35.10.01.2001``);
* ``agency_id`` / ``agency`` — the agency (an ``Office``) responsible for it;
* ``intake_office_id`` / ``intake_office`` — the office that took it in (a service hall's counter).

Scopes: ``village`` (the village office of ``village_id``), ``district`` (the kecamatan office over
it), ``agency``, ``hall`` (any service hall; the acting one is the intake hall or the MPP) and
``regency`` (the regency government). The village council (BPD) gets its scope the same way once it
has an office kind: ``register_scope("village_council", matches=..., office=...)`` here, and a
workflow step names ``Actor("village_council", (Role.…,))``.
"""

from balai.core.workflow import register_scope

from .models import Office

VILLAGE, DISTRICT, AGENCY, HALL, REGENCY = "village", "district", "agency", "hall", "regency"


def district_code(village_code: str) -> str:
    """The kecamatan's region code of a village code (its first three parts)."""
    return ".".join(village_code.split(".")[:3]) if village_code else ""


def _office(membership):
    return membership.office if membership is not None else None


def _village_matches(subject, membership=None, **who):
    office = _office(membership)
    village = getattr(subject, "village_id", "") or ""
    return office is not None and office.kind == Office.Kind.VILLAGE and bool(village) and office.region_id == village


def _village_office(subject):
    village = getattr(subject, "village_id", "") or ""
    if not village:
        return None
    return Office.objects.filter(region_id=village, kind=Office.Kind.VILLAGE).first()


def _district_matches(subject, membership=None, **who):
    office = _office(membership)
    village = getattr(subject, "village_id", "") or ""
    return office is not None and office.kind == Office.Kind.DISTRICT and bool(village) \
        and office.region_id == district_code(village)


def _district_office(subject):
    village = getattr(subject, "village_id", "") or ""
    if not village:
        return None
    return Office.objects.filter(region_id=district_code(village), kind=Office.Kind.DISTRICT).first()


def _agency_matches(subject, membership=None, **who):
    office = _office(membership)
    return office is not None and office.pk == getattr(subject, "agency_id", None)


def _agency_office(subject):
    return getattr(subject, "agency", None)


def _hall_matches(subject, membership=None, **who):
    office = _office(membership)
    return office is not None and office.kind == Office.Kind.HALL


def _hall_office(subject):
    if getattr(subject, "intake_office_id", None) and subject.intake_office.kind == Office.Kind.HALL:
        return subject.intake_office
    return Office.objects.filter(kind=Office.Kind.HALL, code="mpp").first() or \
        Office.objects.filter(kind=Office.Kind.HALL).first()


def _regency_matches(subject, membership=None, **who):
    office = _office(membership)
    return office is not None and office.kind == Office.Kind.REGENCY


def _regency_office(subject):
    return Office.objects.filter(kind=Office.Kind.REGENCY).order_by("code").first()


def register_office_scopes():
    register_scope(VILLAGE, matches=_village_matches, office=_village_office)
    register_scope(DISTRICT, matches=_district_matches, office=_district_office)
    register_scope(AGENCY, matches=_agency_matches, office=_agency_office)
    register_scope(HALL, matches=_hall_matches, office=_hall_office)
    register_scope(REGENCY, matches=_regency_matches, office=_regency_office)
