"""Households (rumah tangga): recorded only where one house holds more than one family (KK) of a village."""

import pytest
from django.core.exceptions import ValidationError

from balai.registry import codes, services
from balai.registry.models import Family, Household

from .helpers import SUMBERAGUNG, family, person


@pytest.fixture
def three_families(world):
    families = []
    for name in ("Kepala Satu", "Kepala Dua", "Kepala Tiga"):
        fam = family()
        person(fam, name=name, relationship=codes.Relationship.HEAD)
        fam.refresh_from_db()
        families.append(fam)
    return families


def test_joining_another_kk_puts_both_families_in_one_household_headed_by_the_other_head(three_families):
    first, second, _third = three_families
    household = services.household_join(family=first, other_kk=second.kk_number)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.household_id == second.household_id == household.pk
    assert household.head_id == second.head_id and household.village_id == first.village_id


def test_a_third_family_joins_the_existing_household_instead_of_making_a_new_one(three_families):
    first, second, third = three_families
    household = services.household_join(family=first, other_kk=second.kk_number)
    assert services.household_join(family=third, other_kk=f" {first.kk_number[:8]} {first.kk_number[8:]} ") == household
    assert Household.objects.count() == 1 and household.families.count() == 3


def test_a_household_of_one_family_is_not_kept_and_a_leaving_head_is_replaced(three_families):
    first, second, third = three_families
    household = services.household_join(family=first, other_kk=second.kk_number)
    services.household_join(family=third, other_kk=second.kk_number)
    services.household_leave(family=second)  # the household's head's family leaves
    household.refresh_from_db()
    assert household.head_id == first.head_id and household.families.count() == 2
    services.household_leave(family=first)  # one family left: no household any more
    assert not Household.objects.exists()
    assert Family.objects.filter(household__isnull=False).count() == 0


def test_families_of_another_village_or_unknown_numbers_cannot_share_a_household(three_families):
    first = three_families[0]
    elsewhere = family(SUMBERAGUNG)
    with pytest.raises(ValidationError) as other_village:
        services.household_join(family=first, other_kk=elsewhere.kk_number)
    assert "tidak terdaftar di desa ini" in str(other_village.value)  # never says it exists elsewhere
    with pytest.raises(ValidationError) as unknown:
        services.household_join(family=first, other_kk="3510010101990099")
    assert str(unknown.value).replace("3510010101990099", "X") == str(other_village.value).replace(
        elsewhere.kk_number, "X")
    with pytest.raises(ValidationError) as itself:
        services.household_join(family=first, other_kk=first.kk_number)
    assert "keluarga ini sendiri" in str(itself.value)
    assert not Household.objects.exists()


def test_the_operator_records_a_household_on_a_phone_form_and_the_family_card_shows_it(world, three_families):
    first, second, _third = three_families
    client = world.client("operator")
    url = f"/keluarga/{first.public_id}/rumah-tangga/"
    form = client.get(url)
    assert form.status_code == 200 and "Nomor KK keluarga serumah" in form.content.decode()
    refused = client.post(url, {"other_kk": "12345"})
    assert refused.status_code == 200 and "tidak terdaftar" in refused.content.decode()
    assert client.post(url, {"other_kk": second.kk_number}).status_code == 302
    card = client.get(f"/keluarga/{first.public_id}/").content.decode()
    assert second.kk_number in card and "Kepala Dua" in card
    assert client.post(url, {"leave": "on"}).status_code == 302
    assert not Household.objects.exists()


def test_an_operator_of_another_village_cannot_change_a_household(world, three_families):
    first, second, _third = three_families
    client = world.client("operator")
    elsewhere = family(SUMBERAGUNG)
    assert client.get(f"/keluarga/{elsewhere.public_id}/rumah-tangga/").status_code == 403
    reader = world.client("verifier")  # kecamatan office: reads the village, does not edit it
    assert reader.post(f"/keluarga/{first.public_id}/rumah-tangga/", {"other_kk": second.kk_number}).status_code == 403
    assert not Household.objects.exists()
