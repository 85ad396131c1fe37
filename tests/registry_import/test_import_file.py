"""Importing Balai's own template (CSV and XLSX): upsert by NIK, all-or-nothing, partial, dry run,
and every problem reported by row and column."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from balai.regions.models import UnitKind, VillageUnit
from balai.registry.importing.engine import population_import
from balai.registry.importing.formats import BALAI_COLUMNS
from balai.registry.models import Family, Person

from .builders import OTHER_VILLAGE, VILLAGE, balai_csv, family, person, xlsx

pytestmark = pytest.mark.django_db


def clean_rows():
    return family(1, 1, size=4) + family(2, 10, size=3) + family(3, 20, size=2, dusun="Sumberagung", rw="2", rt="7")


def problems_at(report):
    return {(p.row, p.column) for p in report.errors}


def test_clean_file_creates_people_families_heads_and_units(regions):
    report = population_import(source=balai_csv(clean_rows()))
    assert report.ok and report.written
    assert (report.created, report.updated, report.unchanged) == (9, 0, 0)
    assert report.families_created == 3
    assert Person.objects.count() == 9 and Family.objects.count() == 3
    for fam in Family.objects.select_related("head", "dusun", "rw", "rt"):
        assert fam.head is not None and fam.head.relationship == 1 and fam.head.family_id == fam.id
        assert fam.village_id == VILLAGE
    third = Family.objects.get(kk_number=clean_rows()[-1]["no_kk"])
    assert (third.dusun.name, third.rw.name, third.rt.name) == ("Sumberagung", "002", "007")
    assert VillageUnit.objects.filter(village_id=VILLAGE, kind=UnitKind.RT).count() == 2
    wife = Person.objects.get(nik=clean_rows()[1]["nik"])
    assert wife.name_search == "warga uji 2" and wife.sex == 2 and wife.rt.name == "002"
    assert wife.birth_date == datetime.date(1978, 8, 19)


def test_importing_the_same_file_twice_creates_nothing_and_says_so(regions):
    population_import(source=balai_csv(clean_rows()))
    again = population_import(source=balai_csv(clean_rows()))
    assert again.written and (again.created, again.updated, again.unchanged) == (0, 0, 9)
    assert again.families_created == 0 and again.families_updated == 0 and again.units_created == 0
    assert "Tidak ada perubahan" in again.summary()
    assert Person.objects.count() == 9


def test_a_changed_row_updates_the_person_found_by_nik(regions):
    population_import(source=balai_csv(clean_rows()))
    rows = clean_rows()
    rows[2]["nama"] = "Nama Baru"
    rows[2]["pekerjaan"] = "65"
    report = population_import(source=balai_csv(rows))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 8)
    changed = Person.objects.get(nik=rows[2]["nik"])
    assert (changed.name, changed.name_search, changed.occupation) == ("Nama Baru", "nama baru", 65)


def test_a_file_with_errors_writes_nothing_and_names_every_row_and_column(regions):
    rows = clean_rows()
    rows[1]["nik"] = "35100112345"  # too short
    rows[3]["tanggal_lahir"] = "2001-02-30"  # impossible date
    rows[4]["kode_desa"] = "35.10.99.9999"  # unknown village
    rows[5]["agama"] = "9"  # unknown code
    report = population_import(source=balai_csv(rows))
    assert not report.written and Person.objects.count() == 0 and Family.objects.count() == 0
    assert problems_at(report) == {(3, "nik"), (5, "tanggal_lahir"), (6, "kode_desa"), (7, "agama")}
    messages = " ".join(p.as_text() for p in report.errors)
    assert "16 digit" in messages and "tidak mungkin" in messages and "35.10.99.9999" in messages
    assert "Baris 7, kolom “agama”: kode “9” tidak dikenal untuk kolom agama" in messages
    assert "Tidak ada yang disimpan" in report.summary()


def test_partial_writes_the_good_rows_and_reports_the_rest(regions):
    rows = clean_rows()
    rows[5]["nik"] = "9910011505800011"  # unknown province 99
    rows[6]["tanggal_lahir"] = "kemarin"
    report = population_import(source=balai_csv(rows), partial=True)
    assert report.written and report.created == 7
    assert problems_at(report) == {(7, "nik"), (8, "tanggal_lahir")}
    assert not Person.objects.filter(nik__in=[rows[5]["nik"], rows[6]["nik"]]).exists()
    assert "2 baris bermasalah dilewati" in report.summary()


def test_dry_run_validates_but_writes_nothing(regions):
    report = population_import(source=balai_csv(clean_rows()), dry_run=True)
    assert report.ok and not report.written and report.valid_rows == 9
    assert Person.objects.count() == 0 and VillageUnit.objects.count() == 0
    assert "Uji coba" in report.summary()


def test_xlsx_file_imports_like_csv(regions):
    rows = clean_rows()
    rows[0]["tanggal_lahir"] = datetime.datetime(1975, 4, 2)  # a real date cell, as Excel stores it
    report = population_import(source=xlsx(rows))
    assert report.ok and report.created == 9
    assert Person.objects.get(nik=rows[0]["nik"]).birth_date == datetime.date(1975, 4, 2)


def test_semicolon_separated_csv_with_bom_is_read(regions):
    data = balai_csv(clean_rows(), encoding="utf-8-sig", delimiter=";")
    report = population_import(source=data)
    assert report.ok and report.created == 9


def test_duplicate_nik_inside_the_file_names_both_rows(regions):
    rows = clean_rows()
    rows[4]["nik"] = rows[0]["nik"]
    report = population_import(source=balai_csv(rows))
    assert not report.written
    [problem] = report.errors
    assert (problem.row, problem.column) == (6, "nik") and "baris 2" in problem.message


def test_family_with_two_heads_is_an_error_naming_the_row(regions):
    rows = clean_rows()
    rows[1]["hubungan_keluarga"] = "1"
    report = population_import(source=balai_csv(rows))
    assert not report.written
    [problem] = report.errors
    assert (problem.row, problem.column) == (3, "hubungan_keluarga") and "kepala keluarga di baris 2" in problem.message


def test_missing_nik_column_is_reported_before_reading_rows(regions):
    report = population_import(source=balai_csv(clean_rows(), columns=[c for c in BALAI_COLUMNS if c != "nik"]))
    assert not report.written and report.errors[0].row == 0
    assert "Kolom wajib tidak ada: nik" in report.errors[0].message


def test_empty_file_and_header_only_file_are_refused_with_a_message(regions):
    empty = population_import(source=io.BytesIO(b""))
    assert "kosong" in empty.errors[0].message
    header_only = population_import(source=balai_csv([]))
    assert "tidak berisi baris data" in header_only.errors[0].message


def test_wrong_encoding_is_refused_with_a_clear_message(regions):
    rows = clean_rows()
    rows[0]["nama"] = "Sri Rahayu Ñañez"
    latin1 = balai_csv(rows, encoding="latin-1")
    report = population_import(source=latin1)
    assert not report.written and Person.objects.count() == 0
    assert "Pengodean berkas salah" in report.errors[0].message and "UTF-8" in report.errors[0].message
    utf16 = population_import(source=balai_csv(rows, encoding="utf-16"))
    assert "Pengodean berkas salah" in utf16.errors[0].message


def test_a_bad_byte_deep_in_the_file_stops_the_import_after_rows_were_staged_and_writes_nothing(regions):
    # 400 good rows (far more than the reader's first block) are staged, on PostgreSQL through an open
    # COPY, before the reader meets the bad byte: the COPY is ended, nothing is written, and the
    # connection serves the next import.
    rows = [r for k in range(100) for r in family(k + 1, 10 * k + 1, size=4)]
    bad_line = balai_csv([person(9001, kk_serial=500, name="Ñañez")], encoding="latin-1").getvalue().split(b"\n", 1)[1]
    report = population_import(source=io.BytesIO(balai_csv(rows).getvalue() + bad_line))
    assert not report.written and Person.objects.count() == 0
    assert "Pengodean berkas salah: sekitar baris" in report.errors[0].message
    again = population_import(source=balai_csv(clean_rows()))
    assert again.written and Person.objects.count() == 9


def test_malformed_xlsx_is_refused_with_a_message(regions):
    report = population_import(source=io.BytesIO(b"PK\x03\x04 not really a workbook"))
    assert not report.written and "rusak" in report.errors[0].message


def test_nik_that_disagrees_with_birth_date_is_imported_with_a_warning(regions):
    rows = clean_rows()
    rows[0]["tanggal_lahir"] = "1976-04-02"
    report = population_import(source=balai_csv(rows))
    assert report.written and report.created == 9
    assert [(w.row, w.column) for w in report.warnings] == [(2, "nik")]
    assert "berbeda" in report.warnings[0].message


def test_a_resident_of_another_village_is_not_taken_over_by_an_import(regions):
    population_import(source=balai_csv(family(5, 50, size=2, village=OTHER_VILLAGE)))
    rows = family(5, 50, size=2)
    report = population_import(source=balai_csv(rows), village_code=VILLAGE)
    assert not report.written and {p.row for p in report.errors} == {2, 3}
    assert Person.objects.filter(village_id=VILLAGE).count() == 0


def test_office_scope_refuses_rows_of_another_village(regions):
    rows = family(1, 1, size=2) + family(2, 10, size=2, village=OTHER_VILLAGE)
    report = population_import(source=balai_csv(rows), scope=VILLAGE)
    assert not report.written
    assert {(p.row, p.column) for p in report.errors} == {(4, "kode_desa"), (5, "kode_desa")}
    assert "di luar wilayah kerja" in report.errors[0].message


def test_command_imports_and_fails_loudly_on_errors(regions, tmp_path):
    good = tmp_path / "penduduk.csv"
    good.write_bytes(balai_csv(clean_rows()).getvalue())
    out = io.StringIO()
    call_command("import_population", str(good), stdout=out)
    assert "9 penduduk baru" in out.getvalue()
    assert f"Statistik penduduk diperbarui untuk wilayah {VILLAGE}." in out.getvalue()
    out = io.StringIO()
    call_command("import_population", str(good), stdout=out)
    assert "Tidak ada perubahan" in out.getvalue() and "Statistik" not in out.getvalue()
    rows = clean_rows()
    rows.append(person(99, kk_serial=9, sex=1, tanggal_lahir="1980-13-01"))
    bad = tmp_path / "salah.csv"
    bad.write_bytes(balai_csv(rows).getvalue())
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_population", str(bad), stdout=out)
    assert "Baris 11, kolom “tanggal_lahir”" in out.getvalue()
    assert Person.objects.count() == 9
