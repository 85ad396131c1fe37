"""Add/edit forms with live validation, and the life-event forms, as an operator uses them."""

import datetime

import pytest

from balai.registry import codes
from balai.registry.models import Family, LifeEvent, Person

from .helpers import family, person


def test_live_validation_shows_errors_and_warnings_as_the_operator_types(world):
    client = world.client("operator")
    bad = client.get("/penduduk/cek-nik/", {"nik": "3510013208900012"}).content.decode()
    assert "Digit 7–12" in bad and "alert-danger" in bad
    warn = client.get("/penduduk/cek-nik/", {"nik": "3510011208900012", "birth_date": "1990-08-12",
                                              "sex": "2"}).content.decode()
    assert "Jenis kelamin" in warn and "alert-warning" in warn


def test_live_validation_tells_that_a_nik_is_already_registered(world):
    existing = person()
    html = world.client("operator").get("/penduduk/cek-nik/", {"nik": existing.nik}).content.decode()
    assert "sudah terdaftar" in html


def test_an_operator_adds_a_family_and_a_resident_and_sees_the_warning(world):
    client = world.client("operator")
    response = client.post("/keluarga/tambah/", {"kk_number": "3510011203150009", "address": "Jl. Kopi 3"})
    assert response.status_code == 302
    fam = Family.objects.get(kk_number="3510011203150009")
    assert fam.village_id == "35.10.01.2001"
    response = client.post("/penduduk/tambah/", {
        "nik": "3510011208900012", "name": "Joko Susilo", "sex": 1, "birth_date": "1990-08-13",
        "religion": 1, "education": 5, "occupation": 9, "marital_status": 2, "relationship": 1,
        "family": fam.pk, "citizenship": 1, "blood_type": 13, "disability": 7, "residence_status": 1,
    }, follow=True)
    assert response.status_code == 200
    joko = Person.objects.get(nik="3510011208900012")
    assert joko.family == fam and joko.village_id == "35.10.01.2001"
    assert "Tanggal lahir di NIK" in response.content.decode()


def test_a_malformed_nik_in_the_form_is_shown_next_to_the_field(world):
    response = world.client("operator").post("/penduduk/tambah/", {
        "nik": "123", "name": "X", "sex": 1, "birth_date": "1990-08-13", "religion": 1, "education": 5,
        "occupation": 9, "marital_status": 2, "relationship": 1, "citizenship": 1, "blood_type": 13,
        "disability": 7, "residence_status": 1})
    assert response.status_code == 200
    assert "16 digit" in response.content.decode()
    assert not Person.objects.exists()


def test_an_operator_records_a_birth_and_a_death_from_the_pages(world):
    fam = family()
    head = person(fam)
    client = world.client("operator")
    response = client.post(f"/keluarga/{fam.public_id}/kelahiran/", {
        "name": "Putri", "sex": 2, "date": "2026-01-03", "relationship": codes.Relationship.CHILD})
    assert response.status_code == 302
    assert fam.members.filter(name="Putri", nik_is_temporary=True).exists()
    response = client.post(f"/penduduk/{head.public_id}/peristiwa/", {"kind": "death", "date": "2026-02-01"})
    assert response.status_code == 302
    head.refresh_from_db()
    assert head.life_status == codes.LifeStatus.DEAD
    assert set(LifeEvent.objects.values_list("kind", flat=True)) == {"birth", "death"}


@pytest.mark.parametrize("path", ["/penduduk/tambah/", "/keluarga/tambah/"])
def test_staff_of_a_kecamatan_cannot_open_the_village_forms(world, path):
    assert world.client("verifier").get(path).status_code == 403


def test_an_operator_records_welfare_and_schooling_from_the_pages(world):
    fam = family()
    child = person(fam, name="Rina", sex=codes.Sex.FEMALE, relationship=codes.Relationship.CHILD,
                   birth_date=datetime.date(2011, 5, 5))
    client = world.client("operator")
    response = client.post(f"/keluarga/{fam.public_id}/kesejahteraan/", {"decile": 2, "source": "DTSEN",
                                                                         "date": "2025-06-01"})
    assert response.status_code == 302 and fam.welfare.get().decile == 2
    response = client.post(f"/penduduk/{child.public_id}/sekolah/", {"level": "SMP", "school": "SMPN 1", "grade": 8,
                                                                       "status": "dropped_out"})
    assert response.status_code == 200 and "tanggal putus sekolah" in response.content.decode().lower()
    response = client.post(f"/penduduk/{child.public_id}/sekolah/", {
        "level": "SMP", "school": "SMPN 1", "grade": 8, "status": "dropped_out", "dropout_reason": "Biaya",
        "dropout_date": "2025-09-01"})
    assert response.status_code == 302
    assert child.schooling.get().status == codes.SchoolStatus.DROPPED_OUT
    assert world.client("other_operator").get(f"/penduduk/{child.public_id}/sekolah/").status_code == 403


def test_the_edit_form_does_not_call_the_residents_own_nik_a_duplicate(world):
    resident = person()
    client = world.client("operator")
    page = client.get(f"/penduduk/{resident.public_id}/ubah/").content.decode()
    assert f"?person={resident.public_id}" in page
    html = client.get("/penduduk/cek-nik/", {"nik": resident.nik, "person": str(resident.public_id)}).content.decode()
    assert "sudah terdaftar" not in html
