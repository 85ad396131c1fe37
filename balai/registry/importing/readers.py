"""Reading uploaded population files as a stream of rows: CSV (UTF-8, with or without BOM) and
XLSX/XLSM (openpyxl in read-only mode, so a large workbook is never held in memory).

A reader yields ``(row_number, values)`` where ``row_number`` is the line/row number the operator sees
in a spreadsheet program (the header is row 1) and ``values`` is a list of strings ("" for empty)."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .formats import formula_unescape
from .problems import FileProblem

XLSX_MAGIC = b"PK\x03\x04"
OPENSID_SHEET = "Data Penduduk"


@dataclass
class Table:
    """An opened file: its kind, sheet, header (lower-cased, stripped) and a row iterator."""

    kind: str  # "csv" or "xlsx"
    header: list[str]
    rows: object  # iterator of (row_number, list[str])
    sheet: str = ""
    closers: list = field(default_factory=list)

    def close(self):
        for close in self.closers:
            try:
                close()
            except Exception:  # noqa: BLE001 — closing must never hide the real outcome
                pass


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).strip()


def _unescaped(text: str) -> str:
    """A cell's text without the quote Balai's export puts before formula-like text (see
    ``formats.formula_escape``); the common cell, not starting with a quote, costs one comparison."""
    return formula_unescape(text) if text[:1] == "'" else text


def _normalise_header(cells) -> list[str]:
    return [_cell_text(c).strip().lower().lstrip("\ufeff") for c in cells]


def open_table(path_or_file, name: str = "") -> Table:
    """Open a CSV or XLSX/XLSM file by its content (not by its name). Raises FileProblem with a
    message an operator understands when the file is empty, not a table, or wrongly encoded."""
    opened = isinstance(path_or_file, str) or hasattr(path_or_file, "__fspath__")
    handle = open(path_or_file, "rb") if opened else path_or_file
    try:
        head = handle.read(4)
        handle.seek(0)
        if not head:
            raise FileProblem(_("Berkas kosong: tidak ada baris sama sekali."))
        if head == XLSX_MAGIC:
            table = _open_xlsx(handle)
        elif head.startswith(b"\xd0\xcf\x11\xe0"):
            raise FileProblem(_("Berkas Excel lama (.xls) tidak didukung. Simpan ulang sebagai .xlsx atau CSV UTF-8."))
        else:
            table = _open_csv(handle)
    except BaseException:
        if opened:
            handle.close()
        raise
    if opened:
        table.closers.append(handle.close)
    return table


def _open_xlsx(handle) -> Table:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileProblem(_("Berkas Excel rusak atau bukan berkas .xlsx yang sah (%(error)s).") % {"error": exc})
    sheet = workbook[OPENSID_SHEET] if OPENSID_SHEET in workbook.sheetnames else workbook.worksheets[0]
    iterator = sheet.iter_rows(values_only=True)
    header = None
    for first in iterator:
        if first is not None and any(c not in (None, "") for c in first):
            header = _normalise_header(first)
            break
    if header is None:
        workbook.close()
        raise FileProblem(_("Berkas kosong: lembar “%(sheet)s” tidak berisi baris judul kolom.") % {
            "sheet": sheet.title})
    while header and header[-1] == "":
        header.pop()
    width = len(header)

    def rows():
        number = 1
        for values in iterator:
            number += 1
            if values is None:
                continue
            cells = [_unescaped(_cell_text(v)) for v in values[:width]]
            if not any(cells):
                continue
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            yield number, cells

    return Table(kind="xlsx", header=header, rows=rows(), sheet=sheet.title, closers=[workbook.close])


def _open_csv(handle) -> Table:
    sample = handle.read(64 * 1024)
    handle.seek(0)
    if b"\x00" in sample:
        raise FileProblem(_(
            "Pengodean berkas salah: berkas tampak berformat UTF-16 atau biner. "
            "Simpan ulang sebagai “CSV UTF-8 (dipisahkan koma)”."))
    encoding = "utf-8-sig" if sample.startswith(b"\xef\xbb\xbf") else "utf-8"
    text = io.TextIOWrapper(handle, encoding=encoding, newline="", errors="strict")
    try:
        first_line = text.readline()
    except UnicodeDecodeError:
        raise FileProblem(_(
            "Pengodean berkas salah: baris 1 bukan UTF-8. Simpan ulang sebagai “CSV UTF-8 (dipisahkan koma)”."))
    if not first_line.strip():
        raise FileProblem(_("Berkas kosong: baris pertama harus berisi judul kolom."))
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    header = _normalise_header(next(csv.reader([first_line], delimiter=delimiter)))
    width = len(header)
    reader = csv.reader(text, delimiter=delimiter)

    def rows():
        number = 1
        try:
            for cells in reader:
                number = reader.line_num + 1
                if not cells or not any(cells):
                    continue
                if len(cells) < width:
                    cells.extend([""] * (width - len(cells)))
                yield number, [_unescaped(c.strip()) for c in cells]
        except UnicodeDecodeError:
            raise FileProblem(_(
                "Pengodean berkas salah: sekitar baris %(row)s ada karakter yang bukan UTF-8. "
                "Simpan ulang sebagai “CSV UTF-8 (dipisahkan koma)”.") % {"row": number + 1})
        except csv.Error as exc:
            raise FileProblem(_("Berkas CSV rusak di baris %(row)s: %(error)s") % {"row": number + 1, "error": exc})

    return Table(kind="csv", header=header, rows=rows(), closers=[text.detach])
