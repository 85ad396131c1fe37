"""A whole register (full NIKs) goes only to the village's own staff, its kecamatan office and the
civil-registry office (Dispendukcapil); officers of every other agency are refused, and nothing is
logged for a refused export."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from balai.accounts.models import Membership, Office, Role, User
from balai.core.models import AccessLog
from balai.regions.models import Region
from balai.registry.importing.engine import population_import
from balai.registry.importing.services import check_register_export, village_register_export
from tests.support.world import client_for

from .builders import OTHER_VILLAGE, VILLAGE, balai_csv, family

pytestmark = pytest.mark.django_db(transaction=False)

EXPORT = "registry:registry_import:export"


def officer_of(office_code):
    user = User.objects.create_user(username=f"petugas-{office_code}", password="rahasia-uji-123")
    membership = Membership.objects.create(user=user, office=Office.objects.get(code=office_code),
                                           role=Role.AGENCY_OFFICER)
    return user, membership


@pytest.mark.parametrize("office_code", ["pln", "bankjatim", "dinkes", "bpjskes", "dinsos"])
def test_an_officer_of_any_other_agency_is_refused_the_export_and_nothing_is_logged(world, office_code):
    population_import(source=balai_csv(family(1, 1, size=3)))
    user, _ = officer_of(office_code)
    for layout in ("csv", "xlsx", "opensid"):
        response = client_for(user).get(reverse(EXPORT, args=[VILLAGE]) + f"?format={layout}")
        assert response.status_code == 403, (office_code, layout)
    assert not AccessLog.objects.filter(action=AccessLog.Action.EXPORT).exists()


def test_the_civil_registry_officer_exports_a_village_and_the_export_is_logged(world):
    rows = family(1, 1, size=3)
    population_import(source=balai_csv(rows))
    client = world.client("agency_officer")  # the world's agency officer works at Dispendukcapil
    assert world.offices["agency_officer"].code == "dispendukcapil"
    response = client.get(reverse(EXPORT, args=[VILLAGE]) + "?format=csv")
    assert response.status_code == 200
    data = b"".join(response.streaming_content).decode("utf-8-sig")
    assert data.count("\n") == 4  # header + 3 residents, NIKs in full
    assert sorted(line.split(",")[0] for line in data.splitlines()[1:]) == sorted(r["nik"] for r in rows)
    log = AccessLog.objects.get(action=AccessLog.Action.EXPORT)
    assert (log.user, log.office_code, log.region_code) == (world.user("agency_officer"), "dispendukcapil", VILLAGE)


def test_kecamatan_office_exports_its_villages_but_the_counter_and_the_administrator_do_not(world):
    population_import(source=balai_csv(family(2, 10, size=2, village=OTHER_VILLAGE)))
    url = reverse(EXPORT, args=[OTHER_VILLAGE])
    assert world.client("verifier").get(url).status_code == 200
    assert world.client("district_head").get(url).status_code == 200
    for role in ("counter_officer", "administrator", "auditor", "viewer", "operator"):
        assert world.client(role).get(url).status_code == 403, role
    assert AccessLog.objects.filter(action=AccessLog.Action.EXPORT).count() == 2


def test_the_export_service_checks_the_rule_itself(world):
    """A caller that skips the view's declaration still cannot export: the service refuses."""
    village = Region.objects.get(code=VILLAGE)
    _, pln = officer_of("pln")
    with pytest.raises(PermissionDenied):
        check_register_export(membership=pln, village_code=VILLAGE)
    with pytest.raises(PermissionDenied):
        check_register_export(membership=None, village_code=VILLAGE)
    other_operator = world.user("other_operator").memberships.get()
    with pytest.raises(PermissionDenied):
        check_register_export(membership=other_operator, village_code=VILLAGE)
    request = RequestFactory().get("/")
    request.user, request.membership = pln.user, pln
    with pytest.raises(PermissionDenied):
        village_register_export(request, village=village, layout="csv")
    assert not AccessLog.objects.exists()
    dukcapil = world.user("agency_officer").memberships.get()
    check_register_export(membership=dukcapil, village_code=VILLAGE)  # does not raise
