"""NIK and KK number rules (Dukcapil), exactly as the domain note says.

NIK: 16 digits = issuing province+kabupaten+kecamatan (6) + birth date DDMMYY, women +40 on the day
(6) + serial from 0001 (4). No check digit.

* Structure errors are *errors* (the record is refused) and name the wrong part: length/digits,
  province unknown, impossible date, serial 0000.
* An unknown kabupaten/kecamatan part is only a *warning* (old codes from before region splits).
* A NIK whose embedded birth date or sex disagrees with the record is a *warning*, never an error:
  NIKs are for life and Dukcapil does not correct them.
* The century is ambiguous: take the latest year that is not in the future.

KK: issuing region (6) + registration date DDMMYY without the +40 (6) + family serial (4).

Residents without a NIK get a *temporary number*: ``0`` + 10-digit village code + 5-digit sequence
(as OpenSID does); it can never collide with a real NIK (no province code starts with 0) and is
flagged on the person (``nik_is_temporary``).
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from balai.regions.loading import DATA_FILE

from .codes import Sex


@functools.lru_cache(maxsize=1)
def _known_codes() -> tuple[frozenset, frozenset]:
    """Compact province codes (2 digits) and kecamatan codes (6 digits) of the Kemendagri list."""
    provinces, districts = set(), set()
    with open(DATA_FILE, encoding="utf-8") as handle:
        next(handle)  # header "code,name"
        for line in handle:
            code = line.split(",", 1)[0].strip()
            dots = code.count(".")
            if dots == 0:
                provinces.add(code)
            elif dots == 2:
                districts.add(code.replace(".", ""))
    return frozenset(provinces), frozenset(districts)


def known_province(code2: str) -> bool:
    return code2 in _known_codes()[0]


def known_district(code6: str) -> bool:
    return code6 in _known_codes()[1]


@dataclass
class NumberCheck:
    """Result of checking a NIK or KK number: errors refuse it, warnings are shown to the operator."""

    number: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    birth_date: datetime.date | None = None
    sex: int | None = None
    region6: str = ""
    temporary: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def normalise_number(value) -> str:
    """Digits as typed, with spaces, dots and dashes removed (people copy NIKs as '3510 0112 ...')."""
    return "".join(ch for ch in str(value or "") if ch not in " .-\t")


def resolve_century(day: int, month: int, yy: int, today: datetime.date) -> datetime.date:
    """The latest date with these DD/MM/YY that is not in the future. Raises ValueError if impossible."""
    for century in (2000, 1900, 1800):
        year = century + yy
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            # 29 February may exist in one century and not another: try the next.
            continue
        if candidate <= today:
            return candidate
    raise ValueError("impossible date")


def is_temporary_number(number: str) -> bool:
    return len(number) == 16 and number.isdigit() and number.startswith("0")


def temporary_number(village_code: str, sequence: int) -> str:
    """``0`` + 10-digit village code + 5-digit sequence."""
    compact = village_code.replace(".", "")
    if len(compact) != 10 or not compact.isdigit():
        raise ValueError("village code must have 10 digits")
    if not 1 <= sequence <= 99999:
        raise ValueError("sequence out of range")
    return f"0{compact}{sequence:05d}"


def _structure(number: str, label: str, check: NumberCheck) -> bool:
    if not number:
        check.errors.append(_("%(label)s wajib diisi.") % {"label": label})
        return False
    if not number.isdigit():
        check.errors.append(_("%(label)s hanya boleh berisi angka.") % {"label": label})
        return False
    if len(number) != 16:
        check.errors.append(_("%(label)s harus 16 digit; yang diisi %(count)d digit.") % {
            "label": label, "count": len(number)})
        return False
    return True


def _region(number: str, label: str, check: NumberCheck) -> None:
    check.region6 = number[:6]
    if not known_province(number[:2]):
        check.errors.append(_("Digit 1–2 %(label)s (kode provinsi %(code)s) bukan kode provinsi yang dikenal.") % {
            "label": label, "code": number[:2]})
    elif not known_district(number[:6]):
        check.warnings.append(_(
            "Digit 3–6 %(label)s (kabupaten %(kab)s, kecamatan %(kec)s) tidak ada dalam daftar wilayah saat ini; "
            "bisa jadi kode lama sebelum pemekaran. Periksa kembali.") % {
            "label": label, "kab": number[2:4], "kec": number[4:6]})


def check_nik(value, *, birth_date: datetime.date | None = None, sex: int | None = None,
              today: datetime.date | None = None, allow_temporary: bool = True) -> NumberCheck:
    """Check a NIK; compare it with the recorded birth date and sex when given."""
    number = normalise_number(value)
    check = NumberCheck(number=number)
    label = "NIK"
    if not _structure(number, label, check):
        return check
    if allow_temporary and is_temporary_number(number):
        check.temporary = True
        check.warnings.append(_("Ini nomor sementara (warga belum punya NIK). Ganti dengan NIK asli bila sudah terbit."))
        return check
    _region(number, label, check)
    today = today or datetime.date.today()
    raw_day, month, yy = int(number[6:8]), int(number[8:10]), int(number[10:12])
    nik_sex = Sex.FEMALE if raw_day > 40 else Sex.MALE
    day = raw_day - 40 if raw_day > 40 else raw_day
    try:
        if not (1 <= day <= 31 and 1 <= month <= 12):
            raise ValueError
        embedded = resolve_century(day, month, yy, today)
    except ValueError:
        check.errors.append(_(
            "Digit 7–12 NIK (%(part)s) bukan tanggal lahir yang mungkin: tanggal (perempuan +40), bulan, "
            "tahun DDMMYY.") % {"part": number[6:12]})
        embedded = None
    if number[12:] == "0000":
        check.errors.append(_("Digit 13–16 NIK (nomor urut) tidak boleh 0000."))
    if check.errors:
        return check
    check.birth_date, check.sex = embedded, int(nik_sex)
    if birth_date is not None and (embedded.day, embedded.month, embedded.year % 100) != (
            birth_date.day, birth_date.month, birth_date.year % 100):
        check.warnings.append(_(
            "Tanggal lahir di NIK (%(nik)s) berbeda dengan tanggal lahir yang dicatat (%(rec)s). NIK tidak "
            "diubah; pastikan tanggal lahir sesuai dokumen.") % {
            "nik": embedded.strftime("%d-%m-%y"), "rec": birth_date.strftime("%d-%m-%Y")})
    if sex is not None and int(sex) != int(nik_sex):
        check.warnings.append(_(
            "Jenis kelamin menurut NIK (%(nik)s) berbeda dengan yang dicatat (%(rec)s). NIK tidak diubah; "
            "pastikan jenis kelamin sesuai dokumen.") % {"nik": Sex(nik_sex).label, "rec": Sex(int(sex)).label})
    return check


def check_kk(value, *, today: datetime.date | None = None) -> NumberCheck:
    """Check a KK number: region, registration date (no +40), serial."""
    number = normalise_number(value)
    check = NumberCheck(number=number)
    label = _("Nomor KK")
    if not _structure(number, label, check):
        return check
    _region(number, label, check)
    today = today or datetime.date.today()
    day, month, yy = int(number[6:8]), int(number[8:10]), int(number[10:12])
    try:
        check.birth_date = resolve_century(day, month, yy, today)  # here: registration date
    except ValueError:
        check.errors.append(_("Digit 7–12 nomor KK (%(part)s) bukan tanggal pendaftaran yang mungkin (DDMMYY).") % {
            "part": number[6:12]})
    if number[12:] == "0000":
        check.errors.append(_("Digit 13–16 nomor KK (nomor urut keluarga) tidak boleh 0000."))
    return check


def make_nik(region6: str, birth_date: datetime.date, sex: int, serial: int) -> str:
    """Compose a NIK (used by the synthetic population generator and tests)."""
    day = birth_date.day + (40 if int(sex) == Sex.FEMALE else 0)
    return f"{region6}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"


def make_kk(region6: str, registered: datetime.date, serial: int) -> str:
    return f"{region6}{registered.day:02d}{registered.month:02d}{registered.year % 100:02d}{serial:04d}"


def mask_nik(number: str) -> str:
    """``3510••••••••0012``: first four and last four digits."""
    if not number:
        return ""
    if len(number) <= 8:
        return "•" * len(number)
    return number[:4] + "•" * (len(number) - 8) + number[-4:]
