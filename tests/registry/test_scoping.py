"""Who sees what: a village operator reads and edits only that village's residents — UI and API."""

import datetime

import pytest

from balai.core.models import AccessLog
from balai.registry import codes
from balai.registry.models import Person

from .helpers import SUMBERAGUNG, family, other_district_village, person


@pytest.fixture
def residents(world):
    sarongan = person(family(), name="Warga Sarongan")
    sumberagung = person(family(SUMBERAGUNG), name="Warga Sumberagung")
    far = person(family(other_district_village().code), name="Warga Kecamatan Lain")
    return {"sarongan": sarongan, "sumberagung": sumberagung, "far": far}


def names_in_search(client):
    response = client.get("/penduduk/?q=warga")
    assert response.status_code == 200
    return {p.name for p in response.context["rows"]}


def test_operator_cannot_open_resident_of_another_village(world, residents):
    client = world.client("operator")
    assert client.get(f"/penduduk/{residents['sumberagung'].public_id}/").status_code == 403
    assert client.get(f"/penduduk/{residents['sarongan'].public_id}/").status_code == 200


def test_operator_search_lists_only_own_village(world, residents):
    assert names_in_search(world.client("operator")) == {"Warga Sarongan"}


def test_kecamatan_office_reads_its_villages_only(world, residents):
    assert names_in_search(world.client("verifier")) == {"Warga Sarongan", "Warga Sumberagung"}


def test_regency_agency_reads_the_whole_regency(world, residents):
    assert names_in_search(world.client("agency_officer")) == {
        "Warga Sarongan", "Warga Sumberagung", "Warga Kecamatan Lain"}


def test_operator_cannot_change_resident_of_another_village(world, residents):
    target = residents["sumberagung"]
    response = world.client("operator").post(f"/penduduk/{target.public_id}/ubah/", {
        "name": "Diubah", "sex": 1, "birth_date": "1980-05-17", "nik": target.nik})
    assert response.status_code == 403
    response = world.client("operator").post(f"/penduduk/{target.public_id}/peristiwa/", {
        "kind": "death", "date": "2026-01-01"})
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.name == "Warga Sumberagung" and target.life_status == codes.LifeStatus.ALIVE


def test_the_village_head_reads_but_cannot_edit(world, residents):
    client = world.client("head")
    assert client.get(f"/penduduk/{residents['sarongan'].public_id}/").status_code == 200
    assert client.get(f"/penduduk/{residents['sarongan'].public_id}/ubah/").status_code == 403


def test_api_lists_only_own_village_with_masked_niks(world, residents):
    response = world.client("operator").get("/api/v1/persons/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["name"] for r in rows] == ["Warga Sarongan"]
    assert rows[0]["nik"] == residents["sarongan"].masked_nik and "••••" in rows[0]["nik"]


def test_api_refuses_a_resident_of_another_village_and_logs_own_full_reads(world, residents):
    client = world.client("operator")
    assert client.get(f"/api/v1/persons/{residents['sumberagung'].public_id}/").status_code == 403
    response = client.get(f"/api/v1/persons/{residents['sarongan'].public_id}/")
    assert response.status_code == 200 and response.json()["nik"] == residents["sarongan"].nik
    assert AccessLog.objects.filter(object_id=str(residents["sarongan"].pk), user=world.user("operator")).exists()


def test_api_families_welfare_and_events_follow_the_same_scope(world, residents):
    client = world.client("other_operator")
    families = client.get("/api/v1/families/").json()["results"]
    assert len(families) == 1 and "••••" in families[0]["kk_number"]
    assert client.get(f"/api/v1/families/{residents['sarongan'].family.public_id}/").status_code == 403


def test_opening_a_full_record_writes_the_access_log(world, residents):
    target = residents["sarongan"]
    world.client("secretary").get(f"/penduduk/{target.public_id}/")
    world.client("secretary").get(f"/keluarga/{target.family.public_id}/")
    entries = AccessLog.objects.filter(user=world.user("secretary"))
    assert {e.object_type for e in entries} == {"registry.person", "registry.family"}
    assert all(e.region_code == target.village_id for e in entries)


def test_a_list_page_does_not_write_the_access_log(world, residents):
    world.client("secretary").get("/penduduk/?q=warga")
    assert not AccessLog.objects.filter(user=world.user("secretary")).exists()


def test_a_citizen_links_the_account_and_then_sees_own_record_and_family_only(world, residents):
    me = residents["sarongan"]
    relative = person(me.family, name="Anak Sarongan", relationship=codes.Relationship.CHILD,
                      birth_date=datetime.date(2010, 1, 1))
    client = world.client("citizen")
    assert client.get(f"/penduduk/{me.public_id}/").status_code == 403
    response = client.post("/warga/tautkan/", {"nik": me.nik, "kk_number": "0000000000000000",
                                                "birth_date": me.birth_date.isoformat()})
    assert "tidak cocok" in response.content.decode()
    response = client.post("/warga/tautkan/", {"nik": me.nik, "kk_number": me.family.kk_number,
                                                "birth_date": me.birth_date.isoformat()})
    assert response.status_code == 302
    assert Person.objects.get(pk=me.pk).user == world.user("citizen")
    page = client.get("/warga/data-saya/")
    assert me.nik in page.content.decode() and "Anak Sarongan" in page.content.decode()
    assert client.get(f"/penduduk/{relative.public_id}/").status_code == 200
    assert client.get(f"/penduduk/{residents['sumberagung'].public_id}/").status_code == 403


def test_a_citizen_may_try_to_link_the_account_five_times_an_hour(world, residents):
    me = residents["sarongan"]
    client = world.client("citizen")
    guess = {"nik": me.nik, "kk_number": "0000000000000000", "birth_date": me.birth_date.isoformat()}
    for _ in range(5):
        assert "tidak cocok" in client.post("/warga/tautkan/", guess).content.decode()
    right = dict(guess, kk_number=me.family.kk_number)
    stopped = client.post("/warga/tautkan/", right)
    assert stopped.status_code == 429 and "Terlalu banyak percobaan" in stopped.content.decode()
    assert Person.objects.get(pk=me.pk).user is None


def test_operator_exports_only_own_village_and_the_export_is_logged(world, residents):
    client = world.client("operator")
    assert client.get(f"/penduduk/ekspor/{SUMBERAGUNG}/").status_code == 403
    response = client.get("/penduduk/ekspor/35.10.01.2001/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert residents["sarongan"].nik in body and residents["sumberagung"].nik not in body
    assert AccessLog.objects.filter(user=world.user("operator"), action=AccessLog.Action.EXPORT).exists()
