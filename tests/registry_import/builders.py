"""Small synthetic population files for the import tests, built in memory (never read from /work/shared).

``balai_rows`` makes rows in Balai's template layout; ``opensid_workbook`` makes a workbook in OpenSID's
layout (sheet "Sheet1", 43 columns, every cell a string, as OpenSID writes them)."""

import csv
import datetime
import io

import openpyxl

from balai.registry.identity import make_kk, make_nik
from balai.registry.importing import formats, opensid

VILLAGE = "35.10.01.2001"
OTHER_VILLAGE = "35.10.01.2004"
REGION6 = "351001"


def person(serial, *, kk_serial=1, relationship=1, sex=1, born=datetime.date(1980, 5, 17), name=None,
           village=VILLAGE, dusun="Krajan", rw="001", rt="002", **extra):
    row = {
        "nik": make_nik(REGION6, born, sex, serial),
        "no_kk": make_kk(REGION6, datetime.date(2010, 1, 1), kk_serial),
        "nama": name or f"Warga Uji {serial}",
        "jenis_kelamin": str(sex),
        "tempat_lahir": "Banyuwangi",
        "tanggal_lahir": born.isoformat(),
        "agama": "1", "pendidikan": "5", "pekerjaan": "9", "status_kawin": "2",
        "hubungan_keluarga": str(relationship), "kewarganegaraan": "1",
        "nik_ayah": "", "nama_ayah": "Bapak", "nik_ibu": "", "nama_ibu": "Ibu",
        "golongan_darah": "13", "disabilitas": "7", "status_dasar": "1", "status_tinggal": "1",
        "telepon": "", "email": "", "kode_desa": village, "dusun": dusun, "rw": rw, "rt": rt,
        "alamat": f"Jl. Uji No. {kk_serial}",
    }
    row.update(extra)
    return row


def family(kk_serial, first_serial, size=3, **kwargs):
    """A head (man), a wife and children, all with consistent NIKs."""
    rows = [person(first_serial, kk_serial=kk_serial, relationship=1, sex=1, born=datetime.date(1975, 4, 2),
                   **kwargs)]
    if size > 1:
        rows.append(person(first_serial + 1, kk_serial=kk_serial, relationship=3, sex=2,
                           born=datetime.date(1978, 8, 19), **kwargs))
    for i in range(2, size):
        rows.append(person(first_serial + i, kk_serial=kk_serial, relationship=4, sex=1 + i % 2,
                           born=datetime.date(2005 + i, 1 + i, 10), **kwargs))
    return rows


def balai_csv(rows, *, columns=None, encoding="utf-8", delimiter=","):
    columns = columns or formats.BALAI_COLUMNS
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return io.BytesIO(out.getvalue().encode(encoding))


def xlsx(rows, *, columns=None, sheet="Data Penduduk"):
    columns = columns or formats.BALAI_COLUMNS
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append(columns)
    for row in rows:
        ws.append([row.get(c, "") for c in columns])
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out


# --- OpenSID ---------------------------------------------------------------------------------------------

DUSUN = ["KRAJAN", "SUMBERSARI", "PANTAI", "TEGALREJO"]


def opensid_people(families=37, residents=97):
    """Anonymised residents in OpenSID's layout, shaped like OpenSID's sample register: ``families``
    KKs, each with a head, RW "-" and RT 001–006, and every NIK's embedded birth year one off the
    recorded birth date (so each row gives one NIK/birth-date warning and is still imported)."""
    sizes = [2] * families
    for i in range(residents - 2 * families):
        sizes[i % families] += 1
    rows, serial = [], 1
    for f, size in enumerate(sizes):
        kk = make_kk(REGION6, datetime.date(2012, 4, 1), 6900 + f)
        dusun, rt = DUSUN[f % 4], f"{1 + f % 6:03d}"
        for m in range(size):
            relationship = 1 if m == 0 else (3 if m == 1 else (4 if m < 5 else 9))
            sex = 1 if m == 0 else (2 if m == 1 else 1 + m % 2)
            born = datetime.date(1960 + f % 20, 1 + m, 3 + f % 25) if m < 2 else datetime.date(
                1995 + m, 1 + f % 12, 1 + m)
            nik_born = born.replace(year=born.year + 1)  # anonymised: the NIK's year is one off
            rows.append({
                "alamat": "", "dusun": dusun, "rw": "-", "rt": rt, "nama": f"PENDUDUK {serial:03d}",
                "no_kk": kk, "nik": make_nik(REGION6, nik_born, sex, 6000 + serial), "sex": str(sex),
                "tempatlahir": "BANYUWANGI", "tanggallahir": born.isoformat(), "agama_id": "1" if f % 9 else "4",
                "pendidikan_kk_id": str(1 + f % 6), "pendidikan_sedang_id": "18",
                "pekerjaan_id": ["88", "1", "2", "3", "15", "9"][m % 6], "status_kawin": "2" if m < 2 else "1",
                "kk_level": str(relationship), "warganegara_id": "1", "nama_ayah": "-" if m < 2 else f"AYAH {f}",
                "nama_ibu": "-" if m < 2 else f"IBU {f}", "golongan_darah_id": "13", "status_dasar": "1",
            })
            serial += 1
    return rows


def opensid_workbook(rows, *, columns=None, sheet="Sheet1", blank_rows=5):
    columns = columns or opensid.COLUMNS
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append(columns)
    for row in rows:
        ws.append([row.get(c) or None for c in columns])
    for _ in range(blank_rows):  # OpenSID's sample carries empty formatted rows after the data
        ws.append([None] * len(columns))
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out
