"""The two file layouts Balai reads and writes: its own template and OpenSID's workbook.

Both carry the same record; each field of the record is described once here (``FIELDS``), with the
column that holds it in each layout. Codes are Dukcapil's numbers in both layouts (Balai's code lists in
``balai.registry.codes`` use OpenSID's numbering), so a code passes through unchanged; words such as
"LAKI-LAKI" or "Islam" are accepted too when a file was typed by hand."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from balai.registry import codes

from . import opensid

BALAI = "balai"
OPENSID = "opensid"

# Spreadsheet formula injection (OWASP "CSV injection"): a cell whose text starts with one of these is
# taken by Excel/LibreOffice as a formula (``=HYPERLINK(…)``, ``+62…``, ``@SUM(…)``). Exports put a
# single quote in front (the spreadsheet then shows the text as typed); imports take exactly that one
# quote off again, so export → import changes nothing. A lone character ("-" is "no RW/RT") is no
# formula and is left alone; a value that itself starts with quotes before such a character gets one
# more quote, so the quote the importer removes is always the one the exporter added.
FORMULA_START = frozenset("=+-@\t\r")


def _formula_like(text: str) -> bool:
    text = text.lstrip("'")
    return len(text) > 1 and text[0] in FORMULA_START


def formula_escape(text: str) -> str:
    """``text`` as a spreadsheet cell that is never read as a formula (one leading quote added when needed)."""
    return "'" + text if text and _formula_like(text) else text


def formula_unescape(text: str) -> str:
    """The value ``formula_escape`` was given: the one leading quote it added, taken off."""
    return text[1:] if text[:1] == "'" and _formula_like(text[1:]) else text


@dataclass(frozen=True)
class Field:
    name: str  # canonical name (the Person/Family attribute it fills, or a helper name)
    balai: str | None  # column in Balai's template
    opensid: str | None  # column in OpenSID's workbook
    kind: str  # "nik", "kk", "text", "date", "code", "unit", "village", "email", "nikref"
    help: str
    required: bool = False
    choices: type | None = None  # Balai code list
    opensid_labels: dict | None = None
    max_length: int = 120


FIELDS = [
    Field("nik", "nik", "nik", "nik", _("NIK 16 digit (nomor sementara 0+kode desa+urut diterima)."), True),
    Field("kk_number", "no_kk", "no_kk", "kk", _("Nomor KK 16 digit; anggota satu KK ditulis dengan nomor yang sama."),
          True),
    Field("name", "nama", "nama", "text", _("Nama lengkap sesuai KTP/KK."), True),
    Field("sex", "jenis_kelamin", "sex", "code", _("Kode jenis kelamin: 1 laki-laki, 2 perempuan."), True,
          codes.Sex, opensid.SEX),
    Field("birth_place", "tempat_lahir", "tempatlahir", "text", _("Tempat lahir."), max_length=80),
    Field("birth_date", "tanggal_lahir", "tanggallahir", "date",
          _("Tanggal lahir, format TTTT-BB-HH (mis. 1987-03-28) atau HH-BB-TTTT."), True),
    Field("religion", "agama", "agama_id", "code", _("Kode agama (lembar Kode)."), False, codes.Religion,
          opensid.RELIGION),
    Field("education", "pendidikan", "pendidikan_kk_id", "code", _("Kode pendidikan dalam KK (lembar Kode)."), False,
          codes.Education, opensid.EDUCATION_KK),
    Field("occupation", "pekerjaan", "pekerjaan_id", "code", _("Kode pekerjaan 1–89 (lembar Kode)."), False,
          codes.Occupation, opensid.OCCUPATION),
    Field("marital_status", "status_kawin", "status_kawin", "code", _("Kode status perkawinan (lembar Kode)."),
          False, codes.MaritalStatus, opensid.MARITAL),
    Field("relationship", "hubungan_keluarga", "kk_level", "code",
          _("Kode hubungan dalam keluarga (SHDK); 1 = kepala keluarga, tepat satu per KK."), True,
          codes.Relationship, opensid.RELATIONSHIP),
    Field("citizenship", "kewarganegaraan", "warganegara_id", "code", _("Kode kewarganegaraan: 1 WNI, 2 WNA, 3 dua."),
          False, codes.Citizenship, opensid.CITIZENSHIP),
    Field("father_nik", "nik_ayah", "ayah_nik", "nikref", _("NIK ayah (boleh kosong)."), max_length=16),
    Field("father_name", "nama_ayah", "nama_ayah", "text", _("Nama ayah.")),
    Field("mother_nik", "nik_ibu", "ibu_nik", "nikref", _("NIK ibu (boleh kosong)."), max_length=16),
    Field("mother_name", "nama_ibu", "nama_ibu", "text", _("Nama ibu.")),
    Field("blood_type", "golongan_darah", "golongan_darah_id", "code", _("Kode golongan darah; 13 = tidak tahu."),
          False, codes.BloodType, opensid.BLOOD),
    Field("disability", "disabilitas", "cacat_id", "code", _("Kode disabilitas; 7 = tidak ada."), False,
          codes.Disability, opensid.DISABILITY),
    Field("life_status", "status_dasar", "status_dasar", "code",
          _("Kode status dasar: 1 hidup, 2 meninggal, 3 pindah, 4 hilang, 6 pergi."), False, codes.LifeStatus,
          opensid.LIFE_STATUS),
    Field("residence_status", "status_tinggal", None, "code", _("Kode status tinggal: 1 tetap, 2 tidak tetap."),
          False, codes.ResidenceStatus),
    Field("phone", "telepon", None, "text", _("Nomor HP."), max_length=20),
    Field("email", "email", None, "email", _("Alamat e-mail."), max_length=254),
    Field("village", "kode_desa", None, "village",
          _("Kode desa/kelurahan Kemendagri, mis. 35.10.01.2001 (boleh kosong bila desa dipilih saat impor).")),
    Field("dusun", "dusun", "dusun", "unit", _("Nama dusun/lingkungan; dibuat bila belum ada."), max_length=60),
    Field("rw", "rw", "rw", "unit", _("Nomor RW (mis. 003); “-” atau kosong = tanpa RW."), max_length=10),
    Field("rt", "rt", "rt", "unit", _("Nomor RT (mis. 001); “-” atau kosong = tanpa RT."), max_length=10),
    Field("address", "alamat", "alamat", "text", _("Alamat keluarga (jalan, nomor rumah)."), max_length=255),
]
FIELD_BY_NAME = {f.name: f for f in FIELDS}

BALAI_COLUMNS = [f.balai for f in FIELDS if f.balai]

# OpenSID columns Balai does not keep (reported by name, once per file).
OPENSID_IGNORED = [c for c in opensid.COLUMNS if c not in {f.opensid for f in FIELDS if f.opensid}]


def detect_layout(header: list[str]) -> str:
    """OpenSID when its signature columns are there (and Balai's own names are not)."""
    present = set(header)
    if opensid.SIGNATURE <= present or ("tanggallahir" in present or "kk_level" in present or "sex" in present):
        return OPENSID
    return BALAI


def column_of(field: Field, layout: str) -> str | None:
    return field.opensid if layout == OPENSID else field.balai


def code_lookup(field: Field) -> dict:
    """Accepted spellings → code: the number ("1", "01", "1.0") and the labels in both lists."""
    table = {}
    for value, label in field.choices.choices:
        table[str(value)] = value
        table[f"{value:02d}"] = value
        table[f"{value}.0"] = value
        table[str(label).strip().upper()] = value
    for value, label in (field.opensid_labels or {}).items():
        if value in field.choices.values:
            table[label.strip().upper()] = value
    if field.choices is codes.Sex:
        table.update({"L": 1, "LK": 1, "P": 2, "PR": 2})
    return table
