"""A village's register exported in Balai's layout imports back unchanged (CSV and XLSX)."""

import io

import pytest

from balai.registry.importing.engine import population_import
from balai.registry.importing.export import (
    balai_rows,
    csv_stream,
    template_csv_text,
    template_xlsx,
    write_xlsx,
)
from balai.registry.models import Family, Person

from .builders import OTHER_VILLAGE, VILLAGE, balai_csv, family

pytestmark = pytest.mark.django_db


def register():
    return (family(1, 1, size=4) + family(2, 10, size=3, dusun="Sumberagung", rw="", rt="")
            + family(3, 20, size=2, rw="-", rt="5") + family(4, 30, size=2, village=OTHER_VILLAGE))


def snapshot():
    return (list(Person.objects.order_by("nik").values()),
            list(Family.objects.order_by("kk_number").values()))


def test_csv_export_of_a_village_round_trips_and_holds_only_that_village(regions):
    assert population_import(source=balai_csv(register())).written
    before = snapshot()
    data = "".join(csv_stream(balai_rows(VILLAGE))).encode("utf-8")
    assert data.count(b"\n") == 1 + 9 and OTHER_VILLAGE.encode() not in data
    report = population_import(source=io.BytesIO(data))
    assert report.written and (report.created, report.updated, report.unchanged) == (0, 0, 9)
    assert report.families_updated == 0 and report.units_created == 0
    assert snapshot() == before


def test_xlsx_export_round_trips(regions):
    population_import(source=balai_csv(register()))
    before = snapshot()
    report = population_import(source=write_xlsx(balai_rows(VILLAGE), "Data Penduduk"))
    assert report.written and report.unchanged == 9 and report.created == report.updated == 0
    assert snapshot() == before


def test_export_into_an_empty_database_recreates_the_register(regions):
    population_import(source=balai_csv(register()))
    data = "".join(csv_stream(balai_rows(VILLAGE))).encode("utf-8")
    people = {p["nik"]: p for p in Person.objects.filter(village_id=VILLAGE).values("nik", "name", "birth_date",
                                                                                      "relationship")}
    Family.objects.update(head=None)
    Person.objects.all().delete()
    Family.objects.all().delete()
    report = population_import(source=io.BytesIO(data))
    assert report.created == 9 and report.families_created == 3
    assert {p["nik"]: p for p in Person.objects.values("nik", "name", "birth_date", "relationship")} == people


def test_template_documents_every_column_and_imports_as_is(regions):
    import openpyxl

    workbook = openpyxl.load_workbook(template_xlsx())
    assert workbook.sheetnames == ["Data Penduduk", "Kolom", "Kode"]
    header = [c.value for c in workbook["Data Penduduk"][1]]
    assert header[0] == "nik"
    documented = [row[0] for row in workbook["Kolom"].iter_rows(min_row=2, values_only=True)]
    assert documented == header
    report = population_import(source=io.BytesIO(template_csv_text().encode("utf-8")))
    assert report.ok and report.created == 1
