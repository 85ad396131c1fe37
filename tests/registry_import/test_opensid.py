"""Moving a village from OpenSID: its population workbook imports as it is, and goes back out."""

import io

import openpyxl
import pytest

from balai.regions.models import UnitKind, VillageUnit
from balai.registry.importing import opensid
from balai.registry.importing.engine import population_import
from balai.registry.importing.export import opensid_rows, write_xlsx
from balai.registry.models import Family, Person

from .builders import VILLAGE, opensid_people, opensid_workbook

pytestmark = pytest.mark.django_db


def test_opensid_workbook_gives_97_residents_in_37_families_with_heads_units_and_nik_warnings(regions):
    rows = opensid_people()
    report = population_import(source=opensid_workbook(rows), village_code=VILLAGE)
    assert report.layout == "opensid" and report.ok and report.written
    assert Person.objects.filter(village_id=VILLAGE).count() == 97
    assert Family.objects.filter(village_id=VILLAGE).count() == 37
    assert not Family.objects.filter(head__isnull=True).exists()
    assert Family.objects.filter(head__relationship=1).count() == 37
    # Dusun, RW and RT as in the file: RW "-" means "no RW" and is kept as such.
    for row in rows:
        member = Person.objects.select_related("rt__parent__parent").get(nik=row["nik"])
        assert member.rt.name == row["rt"] and member.rt.parent.name == "-"
        assert member.rt.parent.parent.name == row["dusun"]
    assert VillageUnit.objects.filter(village_id=VILLAGE, kind=UnitKind.DUSUN).count() == 4
    # One warning per NIK whose embedded birth date disagrees (every row of this anonymised file).
    nik_warnings = [w for w in report.warnings if w.column == "nik"]
    assert sorted(w.row for w in nik_warnings) == list(range(2, 99))
    # The columns Balai does not keep are named once, in one warning.
    ignored = [w for w in report.warnings if w.row == 1]
    assert len(ignored) == 1 and "pendidikan_sedang_id" in ignored[0].message and "lat" in ignored[0].message
    assert set(report.ignored_columns) | {f for f in opensid.COLUMNS if f not in report.ignored_columns} == set(
        opensid.COLUMNS)


def test_opensid_codes_map_to_balai_lists(regions):
    rows = opensid_people()
    population_import(source=opensid_workbook(rows), village_code=VILLAGE)
    sample = rows[0]
    head = Person.objects.get(nik=sample["nik"])
    assert head.sex == int(sample["sex"]) and head.religion == int(sample["agama_id"])
    assert head.education == int(sample["pendidikan_kk_id"]) and head.occupation == int(sample["pekerjaan_id"])
    assert head.blood_type == 13 and head.life_status == 1 and head.relationship == 1
    assert head.get_religion_display() and head.father_name == "-"


def test_opensid_sheet_named_data_penduduk_is_preferred_over_the_first_sheet(regions):
    workbook = openpyxl.load_workbook(opensid_workbook(opensid_people(3, 7), sheet="Data Penduduk"))
    workbook.create_sheet("Kode Data", 0)  # OpenSID's template keeps its code lists in another sheet
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    report = population_import(source=data, village_code=VILLAGE)
    assert report.ok and report.created == 7


def test_opensid_unknown_code_is_an_error_naming_row_column_and_value(regions):
    rows = opensid_people(3, 7)
    rows[4]["pekerjaan_id"] = "120"
    rows[5]["status_dasar"] = "9"  # OpenSID's "TIDAK VALID" has no place in Balai's register
    report = population_import(source=opensid_workbook(rows), village_code=VILLAGE)
    assert not report.written and Person.objects.count() == 0
    assert {(p.row, p.column) for p in report.errors} == {(6, "pekerjaan_id"), (7, "status_dasar")}
    assert "“120”" in report.errors[0].message


def test_opensid_file_without_nik_column_is_refused(regions):
    columns = [c for c in opensid.COLUMNS if c != "nik"]
    report = population_import(source=opensid_workbook(opensid_people(3, 7), columns=columns),
                               village_code=VILLAGE)
    assert not report.written and "nik" in report.errors[0].message


def test_opensid_duplicate_nik_and_two_heads_name_the_rows(regions):
    rows = opensid_people(3, 7)
    rows[3]["nik"] = rows[2]["nik"]
    rows[1]["kk_level"] = "1"
    report = population_import(source=opensid_workbook(rows), village_code=VILLAGE)
    assert not report.written
    assert {(p.row, p.column) for p in report.errors} == {(5, "nik"), (3, "kk_level")}


def test_opensid_file_needs_a_target_village(regions):
    report = population_import(source=opensid_workbook(opensid_people(3, 7)))
    assert not report.written and "--village" in report.errors[0].message


def test_opensid_partial_and_dry_run_follow_the_registry_rules(regions):
    rows = opensid_people(3, 7)
    rows[6]["tanggallahir"] = "1990-02-31"
    dry = population_import(source=opensid_workbook(rows), village_code=VILLAGE, dry_run=True)
    assert not dry.written and dry.error_count == 1 and Person.objects.count() == 0
    partial = population_import(source=opensid_workbook(rows), village_code=VILLAGE, partial=True)
    assert partial.written and partial.created == 6 and [(p.row, p.column) for p in partial.errors] == [
        (8, "tanggallahir")]


def test_round_trip_opensid_to_balai_to_opensid_to_balai_changes_nothing(regions):
    rows = opensid_people()
    population_import(source=opensid_workbook(rows), village_code=VILLAGE)
    before = list(Person.objects.order_by("nik").values())
    families_before = list(Family.objects.order_by("kk_number").values("kk_number", "head_id", "dusun_id", "rw_id",
                                                                       "rt_id", "address"))
    exported = write_xlsx(opensid_rows(VILLAGE), "Data Penduduk")
    workbook = openpyxl.load_workbook(exported, read_only=True)
    sheet = workbook["Data Penduduk"]
    out_rows = list(sheet.iter_rows(values_only=True))
    assert list(out_rows[0]) == opensid.COLUMNS and len(out_rows) == 98
    # Every mapped column comes back as it went in.
    header = out_rows[0]
    exported_by_nik = {r[header.index("nik")]: dict(zip(header, r, strict=True)) for r in out_rows[1:]}
    for row in rows:
        back = exported_by_nik[row["nik"]]
        for column in ("dusun", "rw", "rt", "nama", "no_kk", "sex", "tanggallahir", "agama_id", "pekerjaan_id",
                       "kk_level", "status_kawin", "golongan_darah_id", "status_dasar", "nama_ayah"):
            assert str(back[column]) == row[column], column
    exported.seek(0)
    again = population_import(source=exported, village_code=VILLAGE)
    assert again.written and (again.created, again.updated, again.unchanged) == (0, 0, 97)
    assert again.families_created == again.families_updated == again.units_created == 0
    assert list(Person.objects.order_by("nik").values()) == before
    assert list(Family.objects.order_by("kk_number").values("kk_number", "head_id", "dusun_id", "rw_id", "rt_id",
                                                            "address")) == families_before
