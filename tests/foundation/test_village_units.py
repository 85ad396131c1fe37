import pytest
from django.core.exceptions import ValidationError

from balai.regions.models import Region, UnitKind, VillageUnit
from tests.support.world import OTHER_VILLAGE, VILLAGE


def _unit(village, kind, name, parent=None):
    unit = VillageUnit(village=village, kind=kind, name=name, parent=parent)
    unit.full_clean()
    unit.save()
    return unit


def test_units_nest_dusun_rw_rt_and_numbers_are_padded(world):
    village = Region.objects.get(code=VILLAGE)
    dusun = _unit(village, UnitKind.DUSUN, "Krajan")
    rw = _unit(village, UnitKind.RW, "1", dusun)
    rt = _unit(village, UnitKind.RT, "2", rw)
    assert rw.name == "001" and rt.name == "002"
    assert str(rt) == "Dusun Krajan / RW 001 / RT 002"


def test_an_rt_directly_under_a_dusun_is_refused_with_an_explanation(world):
    village = Region.objects.get(code=VILLAGE)
    dusun = _unit(village, UnitKind.DUSUN, "Krajan")
    with pytest.raises(ValidationError, match="Induk harus RW"):
        _unit(village, UnitKind.RT, "1", dusun)


def test_an_rw_number_must_be_a_number(world):
    village = Region.objects.get(code=VILLAGE)
    dusun = _unit(village, UnitKind.DUSUN, "Krajan")
    with pytest.raises(ValidationError, match="harus berupa angka"):
        _unit(village, UnitKind.RW, "satu", dusun)


def test_operator_adds_a_dusun_and_the_change_is_in_the_history_with_who(world):
    client = world.client("operator")
    response = client.post(f"/desa/{VILLAGE}/satuan/", {"kind": "dusun", "name": "Krajan", "head_name": "Pak Slamet"})
    assert response.status_code == 302
    unit = VillageUnit.objects.get(village_id=VILLAGE, name="Krajan")
    record = unit.history.first()
    assert record.history_type == "+" and record.history_user == world.user("operator")
    page = client.get(f"/desa/{VILLAGE}/").content.decode()
    assert "Dusun Krajan" in page and "Riwayat perubahan" in page


def test_operator_of_another_village_cannot_add_units_here(world):
    response = world.client("other_operator").post(f"/desa/{VILLAGE}/satuan/", {"kind": "dusun", "name": "Liar"})
    assert response.status_code == 403
    assert not VillageUnit.objects.filter(name="Liar").exists()


def test_operator_cannot_open_the_page_of_another_village(world):
    assert world.client("operator").get(f"/desa/{OTHER_VILLAGE}/").status_code == 403
    assert world.client("other_operator").get(f"/desa/{OTHER_VILLAGE}/").status_code == 200
