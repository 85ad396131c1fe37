"""Reading uploaded population files as a stream of rows: CSV (UTF-8, with or without BOM) and
XLSX/XLSM (openpyxl in read-only mode, so a large workbook is never held in memory).

A reader yields ``(row_number, values)`` where ``row_number`` is the line/row number the operator sees
in a spreadsheet program (the header is row 1) and ``values`` is a list of strings ("" for empty).

Hostile files are refused before they cost memory. An XLSX is a ZIP: its members' uncompressed sizes
are read from the ZIP directory (``infolist``) and the file is refused, before openpyxl opens it, when
one member, the shared-strings table (which openpyxl holds in memory even in read-only mode) or the
whole would be too large, or when a large member compresses suspiciously well (a 715 KB file holding
one 700 MiB string pushed a worker to 2 GB). Rows are then streamed with a limit per cell and per row,
in CSV too. Every refusal is a ``FileProblem`` with an Indonesian message for the operator."""

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

MIB = 1024 * 1024
# Limits of an XLSX's uncompressed content. A sheet is streamed, so it may be large (a 200 MB upload's
# sheet unpacks to about 1.5 GB); the shared strings are loaded whole (a village's register needs
# about 2 MB of them, a kecamatan's about 30 MB; a regency's first load goes by CSV).
XLSX_MAX_TOTAL = 2048 * MIB
XLSX_MAX_MEMBER = 1024 * MIB
XLSX_MAX_SHARED_STRINGS = 128 * MIB
# Spreadsheet XML compresses 5 to 30 times; a member over XLSX_RATIO_FROM that compresses more than
# XLSX_MAX_RATIO times is a bomb, not a register.
XLSX_MAX_RATIO = 200
XLSX_RATIO_FROM = 1 * MIB
# Per cell and per row, in characters: the longest field of a register (an address) is a few hundred.
MAX_CELL_CHARS = 1000
MAX_ROW_CHARS = 20000


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


def _mib(size: int) -> str:
    return f"{size / MIB:,.0f}".replace(",", ".")


def check_zip_sizes(handle) -> None:
    """Refuse an XLSX by the uncompressed sizes its ZIP directory declares, before anything is unpacked.
    (A member that unpacks to more than it declares is stopped by zipfile itself.)"""
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileProblem(_("Berkas Excel rusak atau bukan berkas .xlsx yang sah (%(error)s).") % {"error": exc})
    finally:
        handle.seek(0)
    too_big = _("Berkas Excel ditolak: isinya setelah dibuka terlalu besar (%(what)s %(size)s MB, paling besar "
                "%(limit)s MB). Simpan ulang sebagai CSV UTF-8 atau bagi berkas per dusun.")
    total = sum(member.file_size for member in members)
    if total > XLSX_MAX_TOTAL:
        raise FileProblem(too_big % {"what": _("seluruh isi"), "size": _mib(total), "limit": _mib(XLSX_MAX_TOTAL)})
    for member in members:
        limit = XLSX_MAX_SHARED_STRINGS if member.filename.lower().endswith("sharedstrings.xml") else XLSX_MAX_MEMBER
        if member.file_size > limit:
            raise FileProblem(too_big % {"what": member.filename, "size": _mib(member.file_size),
                                         "limit": _mib(limit)})
        if (member.file_size > XLSX_RATIO_FROM
                and member.file_size > XLSX_MAX_RATIO * max(member.compress_size, 1)):
            raise FileProblem(_(
                "Berkas Excel ditolak: bagian %(member)s memuat %(size)s MB dalam %(packed)s KB (dimampatkan "
                "%(ratio)s kali, wajarnya di bawah %(limit)s kali). Berkas seperti ini dipakai untuk "
                "menghabiskan memori server; simpan ulang datanya sebagai CSV UTF-8.") % {
                "member": member.filename, "size": _mib(member.file_size),
                "packed": max(member.compress_size // 1024, 1),
                "ratio": member.file_size // max(member.compress_size, 1), "limit": XLSX_MAX_RATIO})


def _check_row(number: int, cells: list[str], header: list[str]) -> None:
    """Per-cell and per-row limits of a streamed row (a FileProblem names the row and column)."""
    total = 0
    for index, cell in enumerate(cells):
        total += len(cell)
        if len(cell) > MAX_CELL_CHARS:
            column = header[index] if index < len(header) and header[index] else str(index + 1)
            raise FileProblem(_(
                "Baris %(row)s, kolom “%(column)s”: isi sel terlalu panjang (%(length)s karakter, paling "
                "banyak %(limit)s). Periksa apakah berkasnya benar.") % {
                "row": number, "column": column, "length": len(cell), "limit": MAX_CELL_CHARS})
    if total > MAX_ROW_CHARS:
        raise FileProblem(_("Baris %(row)s terlalu panjang (%(length)s karakter, paling banyak %(limit)s).") % {
            "row": number, "length": total, "limit": MAX_ROW_CHARS})


def _open_xlsx(handle) -> Table:
    import openpyxl

    check_zip_sizes(handle)
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
    try:
        _check_row(1, header, header)
    except FileProblem:
        workbook.close()
        raise
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
            _check_row(number, cells, header)
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
        first_line = text.readline(MAX_ROW_CHARS + 1)
    except UnicodeDecodeError:
        raise FileProblem(_(
            "Pengodean berkas salah: baris 1 bukan UTF-8. Simpan ulang sebagai “CSV UTF-8 (dipisahkan koma)”."))
    if not first_line.strip():
        raise FileProblem(_("Berkas kosong: baris pertama harus berisi judul kolom."))
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    if len(first_line) > MAX_ROW_CHARS:
        raise FileProblem(_("Baris %(row)s terlalu panjang (%(length)s karakter, paling banyak %(limit)s).") % {
            "row": 1, "length": f"> {MAX_ROW_CHARS}", "limit": MAX_ROW_CHARS})
    header = _normalise_header(next(csv.reader([first_line], delimiter=delimiter)))
    _check_row(1, header, header)
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
                cells = [_unescaped(c.strip()) for c in cells]
                _check_row(number, cells, header)
                yield number, cells
        except UnicodeDecodeError:
            raise FileProblem(_(
                "Pengodean berkas salah: sekitar baris %(row)s ada karakter yang bukan UTF-8. "
                "Simpan ulang sebagai “CSV UTF-8 (dipisahkan koma)”.") % {"row": number + 1})
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):  # the csv module's own cap (131,072 characters)
                raise FileProblem(_(
                    "Baris %(row)s: isi sel terlalu panjang (lebih dari %(limit)s karakter). Periksa apakah "
                    "berkasnya benar.") % {"row": number + 1, "limit": MAX_CELL_CHARS})
            raise FileProblem(_("Berkas CSV rusak di baris %(row)s: %(error)s") % {"row": number + 1, "error": exc})

    return Table(kind="csv", header=header, rows=rows(), closers=[text.detach])
