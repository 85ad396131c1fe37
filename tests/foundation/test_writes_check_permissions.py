"""Writes of regions and accounts check who may make them inside the service, not only in the view."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from balai.accounts.services import totp_device_confirm, totp_device_pending
from balai.regions.models import Region, UnitKind, VillageUnit
from balai.regions.services import village_unit_create
from tests.support.world import OTHER_VILLAGE, VILLAGE


def _by(world, role):
    user = world.user(role)
    return {"actor": user, "membership": user.memberships.get()}


@pytest.mark.parametrize("role", ["other_operator", "verifier", "district_head", "agency_officer", "administrator",
                                  "viewer", "counter_officer"])
def test_adding_a_dusun_is_refused_to_anyone_but_the_villages_own_staff(world, role):
    village = Region.objects.get(code=VILLAGE)
    with pytest.raises(PermissionDenied, match="tidak berwenang mengubah dusun/RW/RT desa ini"):
        village_unit_create(**_by(world, role), village=village, kind=UnitKind.DUSUN, name="Liar")
    assert not VillageUnit.objects.exists()


@pytest.mark.parametrize("role", ["operator", "secretary", "head"])
def test_the_villages_own_staff_add_a_dusun_and_an_rw_under_it(world, role):
    village = Region.objects.get(code=VILLAGE)
    dusun = village_unit_create(**_by(world, role), village=village, kind=UnitKind.DUSUN, name=" Krajan ",
                                head_name="Pak Slamet")
    rw = village_unit_create(**_by(world, role), village=village, kind=UnitKind.RW, name="3", parent=dusun)
    assert (dusun.name, rw.name, rw.parent_id) == ("Krajan", "003", dusun.pk)
    assert dusun.history.first().history_user == world.user(role)


def test_a_unit_that_breaks_a_rule_is_refused_with_the_rule_and_not_saved(world):
    village = Region.objects.get(code=VILLAGE)
    dusun = village_unit_create(**_by(world, "operator"), village=village, kind=UnitKind.DUSUN, name="Krajan")
    with pytest.raises(ValidationError, match="Induk harus RW"):
        village_unit_create(**_by(world, "operator"), village=village, kind=UnitKind.RT, name="1", parent=dusun)
    assert VillageUnit.objects.count() == 1


def test_the_operator_of_sarongan_cannot_add_units_to_sumberagung(world):
    with pytest.raises(PermissionDenied):
        village_unit_create(**_by(world, "operator"), village=Region.objects.get(code=OTHER_VILLAGE),
                            kind=UnitKind.DUSUN, name="Liar")


def test_a_citizen_has_no_second_factor_to_set_up(world):
    with pytest.raises(PermissionDenied, match="hanya untuk akun petugas"):
        totp_device_pending(user=world.user("citizen"))
    assert not TOTPDevice.objects.exists()


def test_nobody_confirms_another_persons_authenticator(world):
    device = totp_device_pending(user=world.user("operator"))
    code = f"{totp(device.bin_key):06d}"
    with pytest.raises(PermissionDenied, match="milik akun lain"):
        totp_device_confirm(user=world.user("secretary"), device=device, token=code)
    device.refresh_from_db()
    assert not device.confirmed


def test_a_confirmed_authenticator_replaces_the_earlier_one_and_a_wrong_code_changes_nothing(world):
    user = world.user("operator")
    old = TOTPDevice.objects.create(user=user, name="Lama", confirmed=True)
    device = totp_device_pending(user=user)
    assert totp_device_pending(user=user).pk == device.pk  # one pending device, made once
    wrong = f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"
    assert totp_device_confirm(user=user, device=device, token=wrong) is False
    assert TOTPDevice.objects.filter(user=user, confirmed=True).get().pk == old.pk
    device.throttle_reset()  # django-otp slows down the next try after a wrong code
    assert totp_device_confirm(user=user, device=device, token=f"{totp(device.bin_key):06d}") is True
    assert list(TOTPDevice.objects.filter(user=user).values_list("pk", "confirmed")) == [(device.pk, True)]
