"""Importing a population file: stream, validate in chunks, stage, then write set-based.

Phases (each visible in the progress row when a task runs it):

1. **Read and validate** the file row by row (a stream: only the current chunk is in memory). Every
   problem becomes a ``Problem`` naming the row and the column. Valid rows go into a staging table
   (a temporary table; on PostgreSQL filled with ``COPY``).
2. **Check across rows** in SQL on the staging table: a NIK twice in the file, two heads in one KK,
   a NIK or KK already registered in another village.
3. **Write** (one transaction): missing dusun/RW/RT, then families, then persons with
   ``INSERT … SELECT`` / ``UPDATE … FROM`` keyed by NIK (upsert), then family heads. Nothing is
   written when the file has errors (unless ``partial``) or when it is a dry run.
"""

from __future__ import annotations

import datetime
import logging
import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models.fields import NOT_PROVIDED
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from balai.core.tasks import report_progress
from balai.regions.models import Level, Region, UnitKind, VillageUnit
from balai.regions.scope import RegionScope
from balai.registry.identity import _known_codes, check_kk, check_nik, normalise_number, resolve_century
from balai.registry.models import Family, Person, normalise_name

from . import formats
from .problems import FileProblem, Problem
from .readers import open_table

log = logging.getLogger("balai.registry.import")

CHUNK = 5000  # rows per executemany into the staging table (SQLite)
PROGRESS_EVERY = 50_000  # rows between progress reports (each ends the open staging COPY)
MAX_LISTED = 2000  # problems kept in full per level; the rest are counted
STAGE = "balai_import_stage"
UNITS = "balai_import_units"
KKS = "balai_import_kks"
NONE_UNIT = "-"
# PostgreSQL memory for this connection while it imports:
IMPORT_WORK_MEM = "128MB"  # hash joins and sorts of the staging tables stay in memory
IMPORT_MAINTENANCE_WORK_MEM = "512MB"  # index builds of a bulk load sort in memory

# Staging columns, in the order validate_row produces them.
STAGE_COLUMNS = [
    ("row_no", "integer"), ("nik", "varchar(16)"), ("nik_temp", "boolean"), ("kk", "varchar(16)"),
    ("name", "varchar(120)"), ("name_search", "varchar(120)"), ("sex", "smallint"), ("birth_place", "varchar(80)"),
    ("birth_date", "date"), ("religion", "smallint"), ("education", "smallint"), ("occupation", "smallint"),
    ("marital_status", "smallint"), ("relationship", "smallint"), ("citizenship", "smallint"),
    ("father_nik", "varchar(16)"), ("father_name", "varchar(120)"), ("mother_nik", "varchar(16)"),
    ("mother_name", "varchar(120)"), ("blood_type", "smallint"), ("disability", "smallint"),
    ("life_status", "smallint"), ("residence_status", "smallint"), ("phone", "varchar(20)"),
    ("email", "varchar(254)"), ("village_id", "varchar(13)"), ("unit_key", "integer"), ("address", "varchar(255)"),
]
STAGE_NAMES = [c for c, _t in STAGE_COLUMNS]
STAGE_TYPES = [t.split("(")[0] for _c, t in STAGE_COLUMNS]  # for the binary COPY
# Person fields filled from the staging table with the same name.
PERSON_COPY = ["name", "name_search", "sex", "birth_place", "birth_date", "religion", "education", "occupation",
               "marital_status", "relationship", "citizenship", "father_nik", "father_name", "mother_nik",
               "mother_name", "blood_type", "disability", "life_status", "residence_status", "phone", "email",
               "village_id"]


@dataclass
class ImportReport:
    layout: str = formats.BALAI
    rows: int = 0
    valid_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    families_created: int = 0
    families_updated: int = 0
    units_created: int = 0
    written: bool = False
    dry_run: bool = False
    partial: bool = False
    ignored_columns: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    error_rows: set = field(default_factory=set)
    villages: list = field(default_factory=list)  # codes of the villages the file names (valid ones)

    def error(self, row, column, message):
        self.error_count += 1
        if row:
            self.error_rows.add(row)
        if len(self.errors) < MAX_LISTED:
            self.errors.append(Problem(row, column, str(message)))

    def warning(self, row, column, message):
        self.warning_count += 1
        if len(self.warnings) < MAX_LISTED:
            self.warnings.append(Problem(row, column, str(message), level="warning"))

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def summary(self) -> str:
        if not self.written:
            if self.dry_run:
                head = _("Uji coba (tidak ada yang disimpan): %(valid)s dari %(rows)s baris lolos pemeriksaan.")
            else:
                head = _("Tidak ada yang disimpan: berkas berisi %(errors)s kesalahan pada %(rows)s baris. "
                         "Perbaiki lalu impor ulang, atau impor sebagian (hanya baris yang benar).")
            text = head % {"valid": self.valid_rows, "rows": self.rows, "errors": self.error_count}
        elif self.created == 0 and self.updated == 0 and self.families_created == 0 and self.families_updated == 0:
            text = _("Tidak ada perubahan: semua %(count)s penduduk dalam berkas sudah tercatat sama persis.") % {
                "count": self.unchanged}
        else:
            text = _("Tersimpan: %(created)s penduduk baru, %(updated)s diperbarui, %(unchanged)s tidak berubah; "
                     "%(fc)s KK baru, %(fu)s KK diperbarui; %(units)s dusun/RW/RT baru.") % {
                "created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "fc": self.families_created, "fu": self.families_updated, "units": self.units_created}
            if self.partial and self.error_count:
                text += " " + _("%(count)s baris bermasalah dilewati.") % {"count": len(self.error_rows) or self.error_count}
        if self.warning_count:
            text += " " + _("%(count)s peringatan.") % {"count": self.warning_count}
        return text

    def as_dict(self) -> dict:
        return {
            "layout": self.layout, "rows": self.rows, "valid_rows": self.valid_rows, "created": self.created,
            "updated": self.updated, "unchanged": self.unchanged, "families_created": self.families_created,
            "families_updated": self.families_updated, "units_created": self.units_created,
            "written": self.written, "dry_run": self.dry_run, "partial": self.partial,
            "ignored_columns": self.ignored_columns, "error_count": self.error_count,
            "warning_count": self.warning_count, "summary": self.summary(),
            "errors": [p.as_dict() for p in self.errors], "warnings": [p.as_dict() for p in self.warnings],
        }


class _RowError(Exception):
    pass


def _parse_date(raw: str) -> datetime.date:
    text = raw.strip()
    if len(text) >= 10 and text[4] == "-":
        return datetime.date.fromisoformat(text[:10])
    for sep in ("-", "/", "."):
        parts = text.split(sep)
        if len(parts) == 3 and len(parts[2]) == 4:
            return datetime.date(int(parts[2]), int(parts[1]), int(parts[0]))
    raise ValueError(text)


class _Validator:
    """Turns one file row into one staging tuple, or records why it cannot."""

    def __init__(self, *, header, layout, report, village_code, scope, today):
        self.report = report
        self.layout = layout
        self.village_code = village_code
        self.scope = scope
        self.today = today
        self.index = {name: i for i, name in reversed(list(enumerate(header)))}
        self.plain_fields, self.code_fields, self.other_fields = [], [], []
        for f in formats.FIELDS:
            column = formats.column_of(f, layout)
            if column is None or column not in self.index:
                continue
            idx = self.index[column]
            if f.kind == "code":
                self.code_fields.append((f.name, idx, column, f.required, formats.code_lookup(f)))
            elif f.kind in ("date", "nikref", "email"):
                self.other_fields.append((f.name, f.kind, idx, column, f.required))
            else:
                self.plain_fields.append((f.name, idx, column, f.required, f.max_length))
        self.nik_column = formats.column_of(formats.FIELD_BY_NAME["nik"], layout)
        self.known_districts = _known_codes()[1]
        self.defaults = {}
        for f in formats.FIELDS:
            default = Person._meta.get_field(f.name).default if f.kind == "code" else ""
            self.defaults[f.name] = None if default is NOT_PROVIDED else default
        self.villages: dict[str, str | None] = {}  # code -> error message or None when fine
        self.before_query = lambda: None  # called before the validator reads the database
        self.unit_keys: dict[tuple, int] = {}
        self.last_kk = (None, None)
        self.kk_dates: dict[str, bool] = {}

    def check_village(self, code: str) -> str | None:
        if code not in self.villages:
            self.before_query()  # the staging COPY may be open on this connection
            region = Region.objects.filter(code=code).only("code", "level").first()
            if region is None or region.level != Level.VILLAGE:
                self.villages[code] = _("kode desa “%(code)s” tidak dikenal (harus kode desa/kelurahan "
                                        "Kemendagri, mis. 35.10.01.2001).") % {"code": code}
            elif not self.scope.covers(code):
                self.villages[code] = _("desa %(code)s di luar wilayah kerja Anda; Anda hanya boleh mengimpor "
                                        "penduduk desa Anda sendiri.") % {"code": code}
            else:
                self.villages[code] = None
        return self.villages[code]

    def unit_key(self, village, dusun, rw, rt) -> int | None:
        if not dusun and rw == NONE_UNIT and rt == NONE_UNIT:
            return None
        key = (village, dusun or NONE_UNIT, rw, rt)
        number = self.unit_keys.get(key)
        if number is None:
            number = self.unit_keys[key] = len(self.unit_keys) + 1
        return number

    def __call__(self, row_no: int, cells: list[str]):
        # The hot loop of an import (1.7 M calls at regency scale): fields are grouped by kind once in
        # __init__, so a row costs a few dictionary lookups per column; messages are built only for errors.
        report = self.report
        values = dict(self.defaults)
        bad = False
        for name, idx, column, required, max_length in self.plain_fields:  # text, nik, kk, village, unit
            raw = cells[idx]
            if raw:
                if len(raw) > max_length:
                    report.error(row_no, column, _("terlalu panjang (%(count)s karakter, paling banyak %(max)s).") % {
                        "count": len(raw), "max": max_length})
                    bad = True
                values[name] = raw
            elif required:
                report.error(row_no, column, _("wajib diisi."))
                bad = True
        for name, idx, column, required, lookup in self.code_fields:
            raw = cells[idx]
            if raw:
                code = lookup.get(raw)
                if code is None:
                    code = lookup.get(raw.upper())
                    if code is None:
                        report.error(row_no, column, _("kode “%(value)s” tidak dikenal untuk kolom %(column)s.") % {
                            "value": raw, "column": column})
                        bad = True
                        continue
                values[name] = code
            elif required:
                report.error(row_no, column, _("wajib diisi."))
                bad = True
        for name, kind, idx, column, required in self.other_fields:
            raw = cells[idx]
            if not raw:
                if required:
                    report.error(row_no, column, _("wajib diisi."))
                    bad = True
                continue
            if kind == "date":
                try:
                    day = _parse_date(raw)
                except ValueError:
                    report.error(row_no, column, _("tanggal “%(value)s” tidak mungkin atau tidak terbaca; tulis "
                                                   "TTTT-BB-HH, mis. 1987-03-28.") % {"value": raw})
                    bad = True
                    continue
                if day > self.today or day.year < 1850:
                    report.error(row_no, column, _("tanggal lahir %(value)s tidak mungkin (di masa depan atau "
                                                   "sebelum 1850).") % {"value": raw})
                    bad = True
                    continue
                values[name] = day
            elif kind == "nikref":
                if raw in ("-", "0"):
                    continue
                number = raw if raw.isdigit() else normalise_number(raw)
                if not number.isdigit() or len(number) != 16:
                    report.error(row_no, column, _("“%(value)s” bukan NIK 16 digit.") % {"value": raw})
                    bad = True
                else:
                    values[name] = number
            else:  # email
                if "@" not in raw or " " in raw:
                    report.error(row_no, column, _("“%(value)s” bukan alamat e-mail.") % {"value": raw})
                    bad = True
                else:
                    values[name] = raw
        if bad and not values["nik"]:
            return None

        # NIK: structure errors refuse the row; a disagreement with birth date/sex is a warning.
        nik, nik_temp = self.nik(row_no, values)
        if nik is None:
            bad = True

        kk = values["kk_number"]
        if not kk.isdigit():
            kk = normalise_number(kk)
        if kk and self.last_kk[0] != kk:
            self.last_kk = (kk, self.kk_errors(kk))
        kk_errors = self.last_kk[1] if kk else []
        for message in kk_errors or []:
            report.error(row_no, formats.column_of(formats.FIELD_BY_NAME["kk_number"], self.layout), message)
            bad = True

        village = self.village_code or values["village"]
        if values["village"] and self.village_code and values["village"] != self.village_code:
            report.error(row_no, "kode_desa", _("kode desa %(row)s berbeda dengan desa tujuan impor %(target)s.") % {
                "row": values["village"], "target": self.village_code})
            bad = True
        if not village:
            report.error(row_no, "kode_desa", _("wajib diisi (atau pilih desa tujuan saat mengimpor)."))
            bad = True
        else:
            problem = self.check_village(village)
            if problem:
                report.error(row_no, "kode_desa", problem)
                bad = True

        dusun = values["dusun"].strip()
        rw = self._unit_number(row_no, "rw", values["rw"])
        rt = self._unit_number(row_no, "rt", values["rt"])
        if rw is None or rt is None:
            bad = True
        if bad:
            return None
        return (
            row_no, nik, nik_temp, kk, values["name"], normalise_name(values["name"]),
            values["sex"], values["birth_place"], values["birth_date"], values["religion"], values["education"],
            values["occupation"], values["marital_status"], values["relationship"], values["citizenship"],
            values["father_nik"], values["father_name"], values["mother_nik"], values["mother_name"],
            values["blood_type"], values["disability"], values["life_status"], values["residence_status"],
            values["phone"], values["email"], village, self.unit_key(village, dusun, rw, rt), values["address"],
        )

    def kk_errors(self, kk) -> list:
        """Errors of a KK number (warnings of check_kk do not stop an import). The common case (16
        digits, a known kecamatan, a possible registration date, a serial) is decided without
        building messages; anything else goes through ``identity.check_kk``."""
        if len(kk) == 16 and kk.isdigit() and kk[12:] != "0000" and kk[:6] in self.known_districts:
            part = kk[6:12]
            possible = self.kk_dates.get(part)
            if possible is None:
                try:
                    resolve_century(int(part[:2]), int(part[2:4]), int(part[4:]), self.today)
                    possible = True
                except ValueError:
                    possible = False
                self.kk_dates[part] = possible
            if possible:
                return []
        return check_kk(kk, today=self.today).errors

    def nik(self, row_no, values):
        """(number, temporary) or (None, False) when refused. The common case (a NIK of a known
        kecamatan whose date and sex agree with the record) is decided here without building messages;
        anything else goes through ``identity.check_nik``, the one place the NIK rules live."""
        raw = values["nik"]
        born, sex = values.get("birth_date") or None, values.get("sex") or None
        if (len(raw) == 16 and raw.isdigit() and born is not None and sex is not None and raw[0] != "0"
                and raw[12:] != "0000" and raw[:6] in self.known_districts):
            day = born.day + (40 if sex == 2 else 0)
            if raw[6:12] == f"{day:02d}{born.month:02d}{born.year % 100:02d}":
                return raw, False
        check = check_nik(raw, birth_date=born, sex=sex, today=self.today)
        for message in check.errors:
            self.report.error(row_no, self.nik_column, message)
        for message in check.warnings:
            self.report.warning(row_no, self.nik_column, message)
        return (None, False) if check.errors else (check.number, check.temporary)

    def _unit_number(self, row_no, name, raw):
        text = raw.strip()
        if text in ("", "-", "0", "00", "000"):
            return NONE_UNIT
        if not text.isdigit():
            self.report.error(row_no, name, _("nomor %(unit)s “%(value)s” harus angka, mis. 003, atau “-”.") % {
                "unit": name.upper(), "value": raw})
            return None
        return text.zfill(3)


# --- staging --------------------------------------------------------------------------------------------

class _Timed:
    """Cursor proxy logging how long each statement took (``balai.registry.import`` at DEBUG)."""

    def __init__(self, cursor):
        self._cursor = cursor

    def execute(self, sql, params=None):
        started = time.perf_counter()
        try:
            return self._cursor.execute(sql, params)
        finally:
            log.debug("%.2fs %s", time.perf_counter() - started, " ".join(sql.split())[:120])

    def __getattr__(self, name):
        return getattr(self._cursor, name)


def _vendor():
    return connection.vendor


def _create_stage(cursor):
    cols = ", ".join(f"{name} {kind}" for name, kind in STAGE_COLUMNS)
    for table in (STAGE, UNITS, KKS):
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
    if _vendor() == "postgresql":
        cursor.execute(f"SET work_mem = '{IMPORT_WORK_MEM}'")  # this connection only; reset in _drop_stage
    cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} ({cols}, PRIMARY KEY (row_no))")
    cursor.execute(f"CREATE TEMPORARY TABLE {UNITS} (unit_key integer PRIMARY KEY, dusun_id integer, "
                   f"rw_id integer, rt_id integer)")


class _Stager:
    """Writes validated rows into the staging table. On PostgreSQL one binary ``COPY`` stays open while
    the file is read, so the server stores rows while Python validates the next ones; ``flush`` ends it
    (before the connection is needed for anything else: progress, a village lookup, the end). Elsewhere
    rows go in with ``executemany`` per CHUNK."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.copy = None
        self.copy_context = None
        self.pending = []
        self.pg = _vendor() == "postgresql"
        self.seconds = 0.0

    def add(self, record):
        if not self.pg:
            self.pending.append(record)
            if len(self.pending) >= CHUNK:
                self.flush()
            return
        if self.copy is None:
            self.copy_context = self.cursor.cursor.copy(
                f"COPY {STAGE} ({', '.join(STAGE_NAMES)}) FROM STDIN (FORMAT BINARY)")
            self.copy = self.copy_context.__enter__()
            self.copy.set_types(STAGE_TYPES)
        self.copy.write_row(record)

    def flush(self):
        started = time.perf_counter()
        if self.copy is not None:
            context, self.copy, self.copy_context = self.copy_context, None, None
            context.__exit__(None, None, None)
        elif self.pending:
            marks = ", ".join(["%s"] * len(STAGE_NAMES))
            self.cursor.executemany(f"INSERT INTO {STAGE} ({', '.join(STAGE_NAMES)}) VALUES ({marks})", self.pending)
            self.pending = []
        self.seconds += time.perf_counter() - started

    def abandon(self):
        """After an exception (a file problem halfway, say bad encoding): end an open COPY normally. The
        rows it staged are dropped with the staging table; ending it with an error instead would abort
        the surrounding transaction, if there is one."""
        if self.copy is not None:
            context, self.copy, self.copy_context = self.copy_context, None, None
            try:
                context.__exit__(None, None, None)
            except Exception:  # noqa: BLE001 - the COPY itself failed; the exception being handled says why
                log.debug("staging COPY failed while the import was stopping", exc_info=True)


def _drop_stage(cursor):
    for table in (STAGE, UNITS, KKS):
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
    if _vendor() == "postgresql":
        cursor.execute("RESET work_mem")


# --- the import -----------------------------------------------------------------------------------------

def population_import(*, source, village_code: str | None = None, partial: bool = False, dry_run: bool = False,
                      scope: RegionScope | str | None = None, progress_id=None,
                      today: datetime.date | None = None) -> ImportReport:
    """Import a population file (path or binary file object). ``scope`` is the region the importing
    office works within: a ``RegionScope`` or its code (a background task passes the code), None = no
    limit, for the command line. Returns the report; never raises for problems in the file (they are
    in ``report.errors``)."""
    if scope is None:
        scope = RegionScope.everything()
    elif isinstance(scope, str):
        scope = RegionScope(scope)
    report = ImportReport(partial=partial, dry_run=dry_run)
    today = today or timezone.localdate()
    try:
        table = open_table(source)
    except FileProblem as exc:
        report.error(0, "", str(exc))
        return report
    try:
        return _run(table, report, village_code=village_code, scope=scope, progress_id=progress_id, today=today)
    except FileProblem as exc:
        report.error(0, "", str(exc))
        report.written = False
        return report
    finally:
        table.close()


def _run(table, report, *, village_code, scope, progress_id, today):
    layout = formats.detect_layout(table.header)
    report.layout = layout
    header = table.header
    present = set(header)
    duplicates = sorted({c for c in header if c and header.count(c) > 1})
    if duplicates:
        raise FileProblem(_("Kolom ganda di baris judul: %(columns)s. Setiap kolom hanya boleh sekali.") % {
            "columns": ", ".join(duplicates)})
    missing = [formats.column_of(f, layout) for f in formats.FIELDS
               if f.required and formats.column_of(f, layout) not in present]
    if missing:
        raise FileProblem(_("Kolom wajib tidak ada: %(columns)s. Baris 1 harus berisi judul kolom seperti pada "
                            "templat (kolom NIK bernama “nik”).") % {"columns": ", ".join(missing)})
    if layout == formats.OPENSID:
        if not village_code:
            raise FileProblem(_("Berkas OpenSID tidak memuat kode desa: pilih desa tujuan (opsi --village)."))
        report.ignored_columns = [c for c in header if c and c in formats.OPENSID_IGNORED]
    else:
        known = set(formats.BALAI_COLUMNS)
        report.ignored_columns = [c for c in header if c and c not in known]
    if report.ignored_columns:
        report.warning(1, "", _("Kolom berikut tidak disimpan oleh Balai dan diabaikan: %(columns)s.") % {
            "columns": ", ".join(report.ignored_columns)})
    if village_code:
        validator_probe = Region.objects.filter(code=village_code, level=Level.VILLAGE).exists()
        if not validator_probe:
            raise FileProblem(_("Desa tujuan %(code)s tidak dikenal.") % {"code": village_code})
        if not scope.covers(village_code):
            raise FileProblem(_("Desa %(code)s di luar wilayah kerja Anda.") % {"code": village_code})

    validate = _Validator(header=header, layout=layout, report=report, village_code=village_code, scope=scope,
                          today=today)
    report_progress(progress_id, state="running", message=_("Membaca dan memeriksa berkas…"))
    with connection.cursor() as raw_cursor:
        cursor = _Timed(raw_cursor)
        _create_stage(cursor)
        stager = _Stager(cursor)
        validate.before_query = stager.flush
        try:
            for row_no, cells in table.rows:
                report.rows += 1
                record = validate(row_no, cells)
                if record is not None:
                    report.valid_rows += 1
                    stager.add(record)
                if report.rows % PROGRESS_EVERY == 0:
                    stager.flush()
                    report_progress(progress_id, done=report.rows,
                                    message=_("%(rows)s baris diperiksa…") % {"rows": report.rows})
            stager.flush()
            report_progress(progress_id, done=report.rows, message=_("%(rows)s baris diperiksa…") % {
                "rows": report.rows})
            log.debug("read, validated and staged %s rows (waiting for the staging table %.2fs)", report.rows,
                      stager.seconds)
            if report.rows == 0:
                raise FileProblem(_("Berkas tidak berisi baris data (hanya judul kolom)."))
            _check_across_rows(cursor, report, layout)
            if report.dry_run or (report.error_count and not report.partial):
                return report
            report_progress(progress_id, message=_("Menyimpan…"))
            with transaction.atomic():
                _write(cursor, report, validate.unit_keys)
            report.written = True
            report.villages = sorted(code for code, problem in validate.villages.items() if problem is None)
            return report
        finally:
            stager.abandon()  # a file problem found halfway (say, bad encoding) leaves the COPY open
            _drop_stage(cursor)


def refresh_statistics(report: ImportReport) -> str | None:
    """After a written import, rebuild the statistics summary (kecamatan and regency pages) of the
    smallest region holding every imported village, and return its code; None when nothing changed.
    Its own transaction, after the import's: the register is not locked while it runs."""
    from balai.registry.statistics import population_summary_refresh

    if not report.written or not report.villages or not (
            report.created or report.updated or report.families_created or report.families_updated):
        return None
    parts = [code.split(".") for code in report.villages]
    common = []
    for level in zip(*parts, strict=False):
        if len(set(level)) > 1:
            break
        common.append(level[0])
    prefix = ".".join(common)
    population_summary_refresh(prefix=prefix or None)
    return prefix


def _check_across_rows(cursor, report, layout):
    nik_col = formats.column_of(formats.FIELD_BY_NAME["nik"], layout)
    kk_col = formats.column_of(formats.FIELD_BY_NAME["kk_number"], layout)
    rel_col = formats.column_of(formats.FIELD_BY_NAME["relationship"], layout)
    drop = []
    # A NIK twice in the file: the first row stands, later ones are errors naming the first.
    cursor.execute(f"""
        SELECT s.row_no, s.nik, d.first_row FROM {STAGE} s
        JOIN (SELECT nik, MIN(row_no) AS first_row FROM {STAGE} GROUP BY nik HAVING COUNT(*) > 1) d
          ON d.nik = s.nik AND s.row_no <> d.first_row
        ORDER BY s.row_no""")
    for row_no, nik, first in cursor.fetchall():
        report.error(row_no, nik_col, _("NIK %(nik)s sudah ada di baris %(first)s berkas ini (NIK ganda).") % {
            "nik": nik, "first": first})
        drop.append(row_no)
    # The KK checks read one summary row per KK (built once; the write phase uses it again).
    _summarise_kks(cursor)
    # Two heads (SHDK 1) in one KK.
    cursor.execute(f"""
        SELECT s.row_no, s.kk, k.head_row FROM {KKS} k JOIN {STAGE} s
          ON k.heads > 1 AND s.kk = k.kk AND s.relationship = 1 AND s.row_no <> k.head_row
        ORDER BY s.row_no""")
    for row_no, kk, first in cursor.fetchall():
        report.error(row_no, rel_col, _("KK %(kk)s sudah punya kepala keluarga di baris %(first)s; satu KK hanya "
                                        "boleh satu kepala keluarga.") % {"kk": kk, "first": first})
        drop.append(row_no)
    # One KK in two villages of the file.
    cursor.execute(f"""
        SELECT s.row_no, s.kk FROM {KKS} k JOIN {STAGE} s
          ON k.village_min <> k.village_max AND s.kk = k.kk AND s.village_id <> k.village_min
        ORDER BY s.row_no""")
    for row_no, kk in cursor.fetchall():
        report.error(row_no, kk_col, _("anggota KK %(kk)s tercatat di desa yang berbeda dalam berkas ini.") % {"kk": kk})
        drop.append(row_no)
    # A NIK or KK already registered in another village: moving is a life event, not an import.
    person_table, family_table = Person._meta.db_table, Family._meta.db_table
    cursor.execute(f"""
        SELECT s.row_no, p.village_id FROM {STAGE} s JOIN {person_table} p ON p.nik = s.nik
        WHERE p.village_id <> s.village_id ORDER BY s.row_no""")
    # The message says that the number is taken (the rule needs the importer to know) but not where.
    for row_no, _other in cursor.fetchall():
        report.error(row_no, nik_col, _("NIK ini sudah tercatat sebagai penduduk desa lain. Catat "
                                        "kepindahannya lewat peristiwa pindah, bukan lewat impor."))
        drop.append(row_no)
    cursor.execute(f"""
        SELECT s.row_no, f.village_id FROM {STAGE} s JOIN {family_table} f ON f.kk_number = s.kk
        WHERE f.village_id <> s.village_id ORDER BY s.row_no""")
    for row_no, _other in cursor.fetchall():
        report.error(row_no, kk_col, _("nomor KK ini sudah tercatat di desa lain."))
        drop.append(row_no)
    # A KK without a head is imported, with a warning on its first row.
    cursor.execute(f"SELECT src_row, kk FROM {KKS} WHERE heads = 0 ORDER BY src_row")
    for row_no, kk in cursor.fetchall():
        report.warning(row_no, rel_col, _("KK %(kk)s tidak punya kepala keluarga (kode hubungan 1) dalam berkas.") % {
            "kk": kk})
    if drop and report.partial and not report.dry_run:
        for start in range(0, len(drop), 500):
            part = drop[start:start + 500]
            cursor.execute(f"DELETE FROM {STAGE} WHERE row_no IN ({', '.join(['%s'] * len(part))})", part)
        _summarise_kks(cursor)  # the dropped rows may have been a KK's head or source row
    report.valid_rows -= len(set(drop))


def _summarise_kks(cursor):
    """One row per KK of the staging table: the row its family is written from (the head's, else the
    first), the head's row, the number of heads and the villages named. One pass over the staging table
    serves the three KK checks and the family writes."""
    cursor.execute(f"DROP TABLE IF EXISTS {KKS}")
    cursor.execute(f"""
        CREATE TEMPORARY TABLE {KKS} AS
        SELECT kk, COALESCE(MIN(CASE WHEN relationship = 1 THEN row_no END), MIN(row_no)) AS src_row,
               MIN(CASE WHEN relationship = 1 THEN row_no END) AS head_row,
               SUM(CASE WHEN relationship = 1 THEN 1 ELSE 0 END) AS heads,
               MIN(village_id) AS village_min, MAX(village_id) AS village_max
        FROM {STAGE} GROUP BY kk""")
    if _vendor() == "postgresql":
        cursor.execute(f"ANALYZE {KKS}")


def _ensure_units(cursor, report, unit_keys):
    """Create missing dusun/RW/RT (a village has tens; the regency a few thousand) level by level
    with one bulk insert each (history rows included), and fill the unit map table."""
    villages = sorted({key[0] for key in unit_keys})
    existing = {}
    for unit in VillageUnit.objects.filter(village_id__in=villages).only("id", "village_id", "kind", "name",
                                                                         "parent_id"):
        existing[(unit.village_id, unit.kind, unit.parent_id, unit.name)] = unit.id

    def create(wanted):
        missing = [key for key in dict.fromkeys(wanted) if key not in existing]
        if not missing:
            return
        objs = [VillageUnit(village_id=v, kind=k, parent_id=parent, name=name) for v, k, parent, name in missing]
        bulk_create_with_history(objs, VillageUnit, batch_size=1000)
        if any(o.pk is None for o in objs):  # backends that do not return ids
            for unit in VillageUnit.objects.filter(village_id__in=villages).only("id", "village_id", "kind", "name",
                                                                                 "parent_id"):
                existing[(unit.village_id, unit.kind, unit.parent_id, unit.name)] = unit.id
        else:
            for key, obj in zip(missing, objs, strict=True):
                existing[key] = obj.pk
        report.units_created += len(missing)

    create((v, UnitKind.DUSUN, None, dusun) for v, dusun, _rw, _rt in unit_keys)
    create((v, UnitKind.RW, existing[(v, UnitKind.DUSUN, None, dusun)], rw)
           for v, dusun, rw, rt in unit_keys if rw != NONE_UNIT or rt != NONE_UNIT)
    create((v, UnitKind.RT, existing[(v, UnitKind.RW, existing[(v, UnitKind.DUSUN, None, dusun)], rw)], rt)
           for v, dusun, rw, rt in unit_keys if rt != NONE_UNIT)
    rows = []
    for (v, dusun, rw, rt), number in unit_keys.items():
        dusun_id = existing[(v, UnitKind.DUSUN, None, dusun)]
        rw_id = existing.get((v, UnitKind.RW, dusun_id, rw)) if (rw != NONE_UNIT or rt != NONE_UNIT) else None
        rt_id = existing.get((v, UnitKind.RT, rw_id, rt)) if rt != NONE_UNIT else None
        rows.append((number, dusun_id, rw_id, rt_id))
    if rows:
        cursor.executemany(f"INSERT INTO {UNITS} (unit_key, dusun_id, rw_id, rt_id) VALUES (%s, %s, %s, %s)", rows)


def _reserve_ids(cursor, model, low, high) -> int:
    """Reserve primary keys for the file rows ``low``..``high`` of ``model`` and return the base: a new
    row's id is base + its row number (so ids follow the file, and no table of ids is needed). Inside the
    write transaction, with the table locked against other writers (``_write``)."""
    table, count = model._meta.db_table, high - low + 1
    if _vendor() == "postgresql":
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        sequence = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s)", [sequence])
        start = cursor.fetchone()[0]
        if count > 1:
            cursor.execute("SELECT setval(%s, %s)", [sequence, start + count - 1])
        return start - low
    cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
    highest = cursor.fetchone()[0]
    cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
    row = cursor.fetchone()
    return max(highest, row[0] if row else 0) + 1 - low


def _count_and_reserve(cursor, model, source, *, row, known) -> tuple[int, int, int]:
    """(rows, rows already registered, id base) over ``source``: ids are reserved for the span of the
    new rows' numbers (``row`` where ``known`` is NULL)."""
    cursor.execute(f"""
        SELECT COUNT(*), COUNT({known}), MIN(CASE WHEN {known} IS NULL THEN {row} END),
               MAX(CASE WHEN {known} IS NULL THEN {row} END)
        {source}""")
    total, matched, low, high = cursor.fetchone()
    return total, matched, (_reserve_ids(cursor, model, low, high) if total > matched else 0)


def _distinct(a, b):
    return f"{a} IS DISTINCT FROM {b}" if _vendor() == "postgresql" else f"{a} IS NOT {b}"


def _new_uuid_sql():
    return "gen_random_uuid()" if _vendor() == "postgresql" else "lower(hex(randomblob(16)))"


# A bulk load: an import that at least doubles the register (the first load of a regency, a new village
# of an empty register) and brings at least BULK_MIN_NEW persons. Maintaining a dozen indexes row by row
# and queueing a check of every foreign key per row for the commit (even of the columns an import leaves
# empty: account, household) then costs several times more than building the indexes once and checking
# each foreign key with one set-based query afterwards. Everything happens in
# the write transaction, so a failure leaves the register, its indexes and constraints as they were.
# While it runs, the person and family tables are locked against readers too (ACCESS EXCLUSIVE).
BULK_MIN_NEW = 50_000


class _BulkLoad:
    """Drop, then rebuild, the secondary indexes, unique constraints and outgoing foreign keys of
    ``models`` around a bulk insert (PostgreSQL only; definitions are read back from the catalogue, so
    whatever the migrations created is recreated exactly)."""

    def __init__(self, cursor, models):
        self.cursor = cursor
        self.models = models
        self.indexes, self.uniques, self.foreign_keys = [], [], []

    def suspend(self):
        cursor, quote = self.cursor, connection.ops.quote_name
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{IMPORT_MAINTENANCE_WORK_MEM}'")
        for model in self.models:
            table = model._meta.db_table
            cursor.execute("""
                SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = %s::regclass AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)""", [table])
            self.indexes += [(table, name, definition) for name, definition in cursor.fetchall()]
            cursor.execute("""
                SELECT k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k
                WHERE k.conrelid = %s::regclass AND k.contype = 'u'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = k.conindid)""",
                           [table])
            self.uniques += [(table, name, definition) for name, definition in cursor.fetchall()]
            cursor.execute("""
                SELECT k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k
                WHERE k.conrelid = %s::regclass AND k.contype = 'f'""", [table])
            self.foreign_keys += [(table, name, definition) for name, definition in cursor.fetchall()]
        # ALTER TABLE refuses a table (or a referenced table) with deferred checks still pending, such as
        # those of the dusun/RW/RT just created: run them now, then defer again (Django's default).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, name, _definition in self.foreign_keys + self.uniques:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        for _table, name, _definition in self.indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        log.debug("bulk load: dropped %s indexes, %s unique and %s foreign-key constraints",
                  len(self.indexes), len(self.uniques), len(self.foreign_keys))

    def restore(self):
        cursor, quote = self.cursor, connection.ops.quote_name
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # whatever else is pending (nothing of these tables)
        # No ANALYZE of the register here: with the finer name statistics it takes ≈ 8 s at 1.7 M under the
        # exclusive lock; autovacuum analyses the grown tables shortly after the commit.
        for table, name, definition in self.uniques:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        for _table, _name, definition in self.indexes:
            cursor.execute(definition)
        for table, name, definition in self.foreign_keys:  # validated by one query each
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _is_bulk_load(cursor, new_persons) -> bool:
    if _vendor() != "postgresql" or new_persons < BULK_MIN_NEW:
        return False
    cursor.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM {Person._meta.db_table} LIMIT %s) t", [new_persons])
    return cursor.fetchone()[0] < new_persons


def _write(cursor, report, unit_keys):
    pg = _vendor() == "postgresql"
    now = timezone.now()
    person_table, family_table = Person._meta.db_table, Family._meta.db_table
    if pg:  # other writers wait until this import commits; readers do not (except during a bulk load)
        cursor.execute(f"LOCK TABLE {family_table}, {person_table} IN SHARE ROW EXCLUSIVE MODE")
    _ensure_units(cursor, report, unit_keys)
    if pg:  # statistics of the small temporary tables only; the register itself is never analysed here
        cursor.execute(f"ANALYZE {STAGE}")
        cursor.execute(f"ANALYZE {UNITS}")

    # Which NIKs and KKs are already registered, and the span of file rows that are new: a new person's id
    # is person_base + row number, a new family's is family_base + the row it is written from. Families
    # are written before persons and name their head by that id (foreign keys are checked at commit).
    total, matched, person_base = _count_and_reserve(
        cursor, Person, f"FROM {STAGE} s LEFT JOIN {person_table} p ON p.nik = s.nik", row="s.row_no", known="p.id")
    fam_total, fam_matched, family_base = _count_and_reserve(
        cursor, Family, f"FROM {KKS} x LEFT JOIN {family_table} f ON f.kk_number = x.kk", row="x.src_row",
        known="f.id")
    bulk = _BulkLoad(cursor, [Family, Person]) if _is_bulk_load(cursor, total - matched) else None
    if bulk:
        bulk.suspend()

    # Families: written from one row per KK (its head's, else its first).
    fam_src = f"""
        FROM {KKS} x JOIN {STAGE} s ON s.row_no = x.src_row LEFT JOIN {UNITS} u ON u.unit_key = s.unit_key
        LEFT JOIN {STAGE} h ON h.row_no = x.head_row LEFT JOIN {person_table} ph ON ph.nik = h.nik"""
    head = f"CASE WHEN x.head_row IS NULL THEN NULL ELSE COALESCE(ph.id, {int(person_base)} + x.head_row) END"
    changed = " OR ".join([
        _distinct(f"{family_table}.address", "s.address"),
        _distinct(f"{family_table}.dusun_id", "u.dusun_id"),
        _distinct(f"{family_table}.rw_id", "u.rw_id"),
        _distinct(f"{family_table}.rt_id", "u.rt_id"),
        f"(x.head_row IS NOT NULL AND {_distinct(f'{family_table}.head_id', head)})",
    ])
    if fam_matched:
        cursor.execute(f"""
            UPDATE {family_table} SET address = s.address, dusun_id = u.dusun_id, rw_id = u.rw_id, rt_id = u.rt_id,
                   head_id = CASE WHEN x.head_row IS NULL THEN {family_table}.head_id ELSE {head} END,
                   updated_at = %s
            {fam_src}
            WHERE {family_table}.kk_number = x.kk AND ({changed})""", [now])
        report.families_updated = max(cursor.rowcount, 0)
    if fam_total > fam_matched:
        known = (f"LEFT JOIN {family_table} f ON f.kk_number = x.kk WHERE f.id IS NULL" if fam_matched else "")
        cursor.execute(f"""
            INSERT INTO {family_table} (id, public_id, kk_number, address, village_id, dusun_id, rw_id, rt_id,
                                        head_id, created_at, updated_at)
            SELECT {int(family_base)} + x.src_row, {_new_uuid_sql()}, x.kk, s.address, s.village_id, u.dusun_id,
                   u.rw_id, u.rt_id, {head}, %s, %s
            {fam_src} {known}""", [now, now])
        report.families_created = max(cursor.rowcount, 0)

    # Persons: every KK of the file is now registered; update those whose NIK is known and something
    # differs, insert the rest.
    source = f"""
        FROM {STAGE} s LEFT JOIN {UNITS} u ON u.unit_key = s.unit_key JOIN {family_table} f ON f.kk_number = s.kk"""
    sets = ", ".join(f"{c} = s.{c}" for c in PERSON_COPY)
    differs = " OR ".join(
        [_distinct(f"{person_table}.{c}", f"s.{c}") for c in PERSON_COPY]
        + [_distinct(f"{person_table}.rt_id", "u.rt_id"), _distinct(f"{person_table}.family_id", "f.id"),
           _distinct(f"{person_table}.nik_is_temporary", "s.nik_temp")])
    if matched:
        cursor.execute(f"""
            UPDATE {person_table} SET {sets}, rt_id = u.rt_id, family_id = f.id, nik_is_temporary = s.nik_temp,
                   updated_at = %s
            {source}
            WHERE {person_table}.nik = s.nik AND ({differs})""", [now])
        report.updated = max(cursor.rowcount, 0)
    report.unchanged = matched - report.updated
    if total > matched:
        columns = ", ".join(PERSON_COPY)
        picked = ", ".join(f"s.{c}" for c in PERSON_COPY)
        known = f"LEFT JOIN {person_table} p ON p.nik = s.nik WHERE p.id IS NULL" if matched else ""
        cursor.execute(f"""
            INSERT INTO {person_table} (id, public_id, nik, nik_is_temporary, {columns}, rt_id, family_id,
                                        created_at, updated_at)
            SELECT {int(person_base)} + s.row_no, {_new_uuid_sql()}, s.nik, s.nik_temp, {picked}, u.rt_id, f.id, %s, %s
            {source} {known}""", [now, now])
        report.created = max(cursor.rowcount, 0)
    if bulk:
        bulk.restore()
