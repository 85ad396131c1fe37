"""Hostile population files are refused before they cost memory, with a message for the operator:
an XLSX is refused by the uncompressed sizes its ZIP directory declares (before openpyxl opens it),
and rows are streamed with a limit per cell and per row."""

import io
import re
import tracemalloc
import zipfile

import pytest
from django.urls import reverse

from balai.core.models import TaskProgress
from balai.registry.importing import readers
from balai.registry.importing.engine import population_import
from balai.registry.importing.problems import FileProblem
from balai.registry.importing.readers import open_table
from balai.registry.models import Person

from .builders import VILLAGE, balai_csv, family, xlsx

MIB = 1024 * 1024
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '</Types>')


def bomb(member: str, size: int, *, prefix=b"<sst><si><t>", suffix=b"</t></si></sst>") -> io.BytesIO:
    """A small ZIP whose ``member`` unpacks to ``size`` bytes of one repeated letter, written in 1 MiB
    chunks so that the test itself never holds it."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open(member, "w", force_zip64=True) as target:
            target.write(prefix)
            body = size - len(prefix) - len(suffix)
            chunk = b"A" * MIB
            for _ in range(body // MIB):
                target.write(chunk)
            target.write(b"A" * (body % MIB))
            target.write(suffix)
    data.seek(0)
    return data


@pytest.fixture
def openpyxl_must_not_open(monkeypatch):
    import openpyxl

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl opened a file that should have been refused by its ZIP directory")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_a_300_mib_shared_string_in_a_small_file_is_refused_before_parsing(openpyxl_must_not_open):
    data = bomb("xl/sharedStrings.xml", 300 * MIB)
    assert len(data.getvalue()) < 2 * MIB  # small on disk
    tracemalloc.start()
    try:
        with pytest.raises(FileProblem) as refused:
            open_table(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * MIB  # nothing was unpacked
    message = str(refused.value)
    assert message.startswith("Berkas Excel ditolak: isinya setelah dibuka terlalu besar")
    assert "xl/sharedStrings.xml 300 MB, paling besar 128 MB" in message


def test_a_member_that_compresses_like_a_bomb_is_refused_even_under_the_size_limits(openpyxl_must_not_open):
    data = bomb("xl/worksheets/sheet1.xml", 20 * MIB, prefix=b"<worksheet>", suffix=b"</worksheet>")
    with pytest.raises(FileProblem) as refused:
        open_table(data)
    message = str(refused.value)
    found = re.search(r"bagian xl/worksheets/sheet1\.xml memuat 20 MB dalam (\d+) KB \(dimampatkan (\d+) kali", message)
    # deflate packs a run of one byte at most 1,032 to 1: 20 MiB into about 20 KB
    assert found and 19 <= int(found[1]) <= 21 and 1000 <= int(found[2]) <= 1032, message
    assert "wajarnya di bawah 200 kali" in message


def test_the_whole_unpacked_size_is_limited(openpyxl_must_not_open, monkeypatch):
    monkeypatch.setattr(readers, "XLSX_MAX_TOTAL", 3 * MIB)
    monkeypatch.setattr(readers, "XLSX_MAX_RATIO", 10**6)
    data = bomb("xl/worksheets/sheet1.xml", 4 * MIB, prefix=b"<worksheet>", suffix=b"</worksheet>")
    with pytest.raises(FileProblem) as refused:
        open_table(data)
    assert "(seluruh isi 4 MB, paling besar 3 MB)" in str(refused.value)


def test_an_ordinary_workbook_passes_the_zip_checks():
    table = open_table(xlsx(family(1, 1, size=2)))
    try:
        assert len(list(table.rows)) == 2
    finally:
        table.close()


@pytest.mark.parametrize("maker", [xlsx, balai_csv], ids=["xlsx", "csv"])
def test_a_cell_over_1000_characters_is_refused_with_its_row_and_column(maker):
    rows = family(1, 1, size=3)
    rows[1]["alamat"] = "Jl." + " Panjang" * 200  # 3 + 200 × 8 = 1,603 characters
    table = open_table(maker(rows))
    try:
        with pytest.raises(FileProblem) as refused:
            list(table.rows)
    finally:
        table.close()
    assert str(refused.value) == ("Baris 3, kolom “alamat”: isi sel terlalu panjang (1603 karakter, paling banyak "
                                  "1000). Periksa apakah berkasnya benar.")


def test_a_csv_field_over_the_csv_modules_own_cap_gets_the_same_kind_of_message():
    data = io.BytesIO(b"nik,nama\n3510011705800001," + b"x" * 200_000 + b"\n")
    table = open_table(data)
    try:
        with pytest.raises(FileProblem) as refused:
            list(table.rows)
    finally:
        table.close()
    assert str(refused.value).startswith("Baris 2: isi sel terlalu panjang (lebih dari 1000 karakter)")


@pytest.mark.django_db
def test_the_operator_sees_the_refusal_on_the_progress_page_not_a_system_error(world, django_capture_on_commit_callbacks,
                                                                                openpyxl_must_not_open):
    data = bomb("xl/sharedStrings.xml", 200 * MIB)
    data.name = "penduduk.xlsx"
    client = world.client("operator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registry:registry_import:upload"), {"file": data, "mode": "all"})
    assert response.status_code == 302
    progress = TaskProgress.objects.get(kind="registry_import")
    assert progress.state == TaskProgress.State.DONE
    page = client.get(response.url).content.decode()
    assert "Berkas Excel ditolak: isinya setelah dibuka terlalu besar" in page
    assert "kesalahan sistem" not in page
    assert Person.objects.filter(village_id=VILLAGE).count() == 0


@pytest.mark.django_db
def test_population_import_reports_a_bomb_as_a_file_error():
    report = population_import(source=bomb("xl/sharedStrings.xml", 200 * MIB), village_code=VILLAGE)
    assert not report.written and report.rows == 0
    assert len(report.errors) == 1 and report.errors[0].message.startswith("Berkas Excel ditolak")
