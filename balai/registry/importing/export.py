"""Exporting a village's register in Balai's template layout (CSV/XLSX) or in OpenSID's workbook
layout, so a file exported here imports back unchanged (here or in OpenSID).

Rows are streamed from the database (``iterator``); dusun/RW/RT names come from a small per-village
dictionary of units, so the export is one query for persons regardless of size."""

from __future__ import annotations

import csv
import io
import tempfile

from django.utils.translation import gettext as _

from balai.regions.models import UnitKind, VillageUnit
from balai.registry.models import Person

from . import formats, opensid
from .engine import NONE_UNIT

PERSON_FIELDS = [f.name for f in formats.FIELDS if f.name not in (
    "kk_number", "village", "dusun", "rw", "rt", "address")]
QUERY_FIELDS = [*PERSON_FIELDS, "village_id", "rt_id", "family__kk_number", "family__address",
                "family__dusun_id", "family__rw_id", "family__rt_id"]


def _units(village_code):
    return {u["id"]: u for u in VillageUnit.objects.filter(village_id=village_code).values("id", "kind", "name",
                                                                                         "parent_id")}


def _place(units, rt_id, dusun_id, rw_id, family_rt_id):
    """(dusun, rw, rt) names for a person: from their RT, else from the family's units."""
    rt_id = rt_id or family_rt_id
    dusun = rw = rt = None
    if rt_id and rt_id in units:
        rt = units[rt_id]["name"]
        rw_id = units[rt_id]["parent_id"] or rw_id
    if rw_id and rw_id in units:
        rw = units[rw_id]["name"]
        dusun_id = units[rw_id]["parent_id"] or dusun_id
    if dusun_id and dusun_id in units and units[dusun_id]["kind"] == UnitKind.DUSUN:
        dusun = units[dusun_id]["name"]
    if dusun == NONE_UNIT:
        dusun = ""
    return dusun or "", rw or NONE_UNIT, rt or NONE_UNIT


def village_records(village_code):
    """Each person of the village as a dict of canonical field names (family members together)."""
    units = _units(village_code)
    rows = (Person.objects.filter(village_id=village_code)
            .order_by("family__kk_number", "relationship", "id").values_list(*QUERY_FIELDS))
    for values in rows.iterator(chunk_size=2000):
        record = dict(zip(QUERY_FIELDS, values, strict=True))
        dusun, rw, rt = _place(units, record["rt_id"], record["family__dusun_id"], record["family__rw_id"],
                               record["family__rt_id"])
        record.update(kk_number=record["family__kk_number"] or "", address=record["family__address"] or "",
                      village=record["village_id"], dusun=dusun, rw=rw, rt=rt)
        yield record


def _cell(value):
    """A value as the text of a cell; text a spreadsheet would run as a formula gets a leading quote
    (``formats.formula_escape``; the importer takes it off again)."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return formats.formula_escape(str(value))


def balai_rows(village_code):
    yield list(formats.BALAI_COLUMNS)
    fields = [f.name for f in formats.FIELDS if f.balai]
    for record in village_records(village_code):
        yield [_cell(record[name]) for name in fields]


def opensid_rows(village_code):
    yield list(opensid.COLUMNS)
    by_column = {f.opensid: f.name for f in formats.FIELDS if f.opensid}
    for record in village_records(village_code):
        yield [_cell(record[by_column[c]]) if c in by_column else "" for c in opensid.COLUMNS]


class _Echo:
    def write(self, value):
        return value


def csv_stream(rows):
    """CSV lines (UTF-8 with BOM so spreadsheet programs read it right) for a streaming response."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow(row)


def write_xlsx(rows, sheet_title, target=None, extra_sheets=()):
    """Write rows to an XLSX with openpyxl's write-only mode (constant memory). Returns a file object
    positioned at the start (a temporary file spooled to disk when large)."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    for row in rows:
        sheet.append(row)
    for title, extra in extra_sheets:
        other = workbook.create_sheet(title)
        for row in extra:
            other.append(row)
    target = target or tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    workbook.save(target)
    target.seek(0)
    return target


def code_sheet_rows():
    """The code lists, one block per column, for the template's "Kode" sheet."""
    yield [_("kolom"), _("kode"), _("arti")]
    for f in formats.FIELDS:
        if f.kind == "code":
            for value, label in f.choices.choices:
                yield [f.balai, value, str(label)]


def template_rows():
    """Balai's template: the header row, then one example row."""
    yield list(formats.BALAI_COLUMNS)
    yield ["3510016803870001", "3510010101100001", "Siti Aminah", "2", "Banyuwangi", "1987-03-28", "1", "5", "2",
           "2", "1", "1", "", "Slamet", "", "Sulastri", "13", "7", "1", "1", "081234567890", "",
           "35.10.01.2001", "Krajan", "001", "002", "Jl. Pantai No. 5"]


def column_doc_rows():
    yield [_("kolom"), _("wajib"), _("isi")]
    for f in formats.FIELDS:
        if f.balai:
            yield [f.balai, _("ya") if f.required else _("tidak"), str(f.help)]


def template_xlsx():
    return write_xlsx(template_rows(), "Data Penduduk",
                      extra_sheets=[(_("Kolom"), column_doc_rows()), (_("Kode"), code_sheet_rows())])


def template_csv_text() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in template_rows():
        writer.writerow(row)
    return "\ufeff" + out.getvalue()
