"""Apps below accounts (core, regions) reach its predicates by name: accounts registers them in
``AccountsConfig.ready()``, so core never imports accounts and the admin site still needs an
administrator."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from balai.accounts import permissions as perms
from balai.accounts.models import Office
from balai.core import access
from balai.regions.hooks import village_office
from balai.regions.models import Region
from tests.support.world import OTHER_VILLAGE, VILLAGE


def _request(membership=None, authenticated=True):
    return SimpleNamespace(user=SimpleNamespace(is_authenticated=authenticated, is_citizen=False),
                           membership=membership)


def test_every_predicate_of_accounts_is_registered_under_its_name():
    for name in ("staff", "administrator", "oversight", "manage_village_units", "citizen"):
        assert access.registered(name) is getattr(perms, name)
    assert access.registered("covers") is perms.covers


def test_a_named_predicate_answers_as_the_registered_one_and_asks_anonymous_visitors_to_log_in():
    staff = access.named("staff")
    assert staff(_request(membership=SimpleNamespace())) is True
    assert staff(_request(membership=None)) is False
    assert staff.needs_login is True
    assert access.named("PUBLIC").needs_login is False  # the PUBLIC predicate is registered too


def test_named_predicates_compose_before_accounts_is_consulted():
    either = access.named("staff") | access.named("citizen")
    assert either(_request(membership=None)) is False
    assert either.needs_login is True


def test_an_unregistered_name_is_a_wiring_error_not_an_open_door():
    predicate = access.named("no_such_predicate")
    with pytest.raises(ImproperlyConfigured):
        predicate(_request())


def test_the_admin_site_policy_is_the_administrator_predicate_of_accounts():
    assert access.ADMIN_POLICY.name == "administrator"
    operator = SimpleNamespace(role="operator", office=SimpleNamespace(kind="village"))
    assert access.ADMIN_POLICY(_request(membership=operator)) is False


@pytest.mark.django_db
def test_regions_finds_a_village_office_through_the_hook_accounts_registered(world):
    assert village_office(Region.objects.get(code=VILLAGE)) == Office.objects.get(
        region_id=VILLAGE, kind=Office.Kind.VILLAGE)
    assert village_office(Region.objects.get(code=OTHER_VILLAGE)).region_id == OTHER_VILLAGE
    assert village_office(Region.objects.get(code="35.10.01")) is None  # a kecamatan has no village office
