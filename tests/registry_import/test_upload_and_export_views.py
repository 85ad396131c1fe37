"""The upload page runs the import as a background task with progress; exports are scoped and logged."""

import io

import openpyxl
import pytest
from django.urls import reverse

from balai.core.models import AccessLog, TaskProgress
from balai.registry.importing.engine import population_import
from balai.registry.models import Person, PopulationSummary

from .builders import OTHER_VILLAGE, VILLAGE, balai_csv, family, opensid_people, opensid_workbook

pytestmark = pytest.mark.django_db(transaction=False)

NS = "registry:registry_import"


def upload(client, data, name="penduduk.csv", mode="all"):
    data.name = name
    return client.post(reverse(f"{NS}:upload"), {"file": data, "mode": mode})


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_operator_uploads_a_file_and_follows_the_task_to_its_report(world, run_on_commit):
    client = world.client("operator")
    with run_on_commit(execute=True):
        response = upload(client, balai_csv(family(1, 1, size=3)))
    assert response.status_code == 302
    progress = TaskProgress.objects.get(kind="registry_import")
    assert progress.state == TaskProgress.State.DONE and progress.owner == world.user("operator")
    assert progress.result["file"] == "penduduk.csv" and progress.result["village"] == VILLAGE
    assert Person.objects.filter(village_id=VILLAGE).count() == 3
    page = client.get(response.url)
    assert "3 penduduk baru" in page.content.decode()
    partial = client.get(response.url, HTTP_HX_REQUEST="true")
    assert b"hx-trigger" not in partial.content and b"<html" not in partial.content
    # the kecamatan and regency statistics read the summary: the task refreshed it for this village
    families = PopulationSummary.objects.get(village_id=VILLAGE, dimension="families", key="all")
    assert families.count == 1
    assert sum(PopulationSummary.objects.filter(village_id=VILLAGE, dimension="age").values_list("count", flat=True)) == 3


def test_progress_partial_keeps_polling_while_the_task_runs(world):
    progress = TaskProgress.objects.create(kind="registry_import", owner=world.user("operator"),
                                           state=TaskProgress.State.RUNNING, done=5000, message="5000 baris diperiksa…")
    partial = world.client("operator").get(reverse(f"{NS}:progress", args=[progress.pk]), HTTP_HX_REQUEST="true")
    assert b'hx-trigger="every 1s"' in partial.content and b"5000" in partial.content


def test_upload_of_an_opensid_workbook_is_recognised(world, run_on_commit):
    client = world.client("operator")
    with run_on_commit(execute=True):
        upload(client, opensid_workbook(opensid_people()), name="contoh.xlsx")
    progress = TaskProgress.objects.get(kind="registry_import")
    assert progress.result["layout"] == "opensid" and progress.result["created"] == 97
    assert progress.result["warning_count"] == 98


def test_file_with_errors_shows_every_error_and_writes_nothing(world, run_on_commit):
    rows = family(1, 1, size=3)
    rows[2]["tanggal_lahir"] = "2010-02-30"
    with run_on_commit(execute=True):
        response = upload(world.client("operator"), balai_csv(rows))
    page = world.client("operator").get(response.url).content.decode()
    assert "tanggal_lahir" in page and "Tidak ada yang disimpan" in page
    assert Person.objects.count() == 0


def test_operator_cannot_import_into_another_village(world, run_on_commit):
    rows = family(1, 1, size=2, village=OTHER_VILLAGE)
    with run_on_commit(execute=True):
        upload(world.client("operator"), balai_csv(rows))
    result = TaskProgress.objects.get(kind="registry_import").result
    assert not result["written"] and OTHER_VILLAGE in result["errors"][0]["message"]
    assert Person.objects.count() == 0


def test_another_operator_cannot_read_someone_elses_import_report(world):
    progress = TaskProgress.objects.create(kind="registry_import", owner=world.user("operator"))
    url = reverse(f"{NS}:progress", args=[progress.pk])
    assert world.client("secretary").get(url).status_code == 403
    assert world.client("other_operator").get(url).status_code == 403


def test_export_is_logged_and_round_trips(world):
    population_import(source=balai_csv(family(1, 1, size=3) + family(2, 10, size=2, village=OTHER_VILLAGE)))
    client = world.client("operator")
    response = client.get(reverse(f"{NS}:export", args=[VILLAGE]) + "?format=csv")
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    assert data.count(b"\n") == 4
    log = AccessLog.objects.get(action=AccessLog.Action.EXPORT)
    assert (log.region_code, log.user, log.object_id) == (VILLAGE, world.user("operator"), VILLAGE)
    again = population_import(source=io.BytesIO(data))
    assert again.unchanged == 3 and again.created == again.updated == 0


def test_export_in_opensid_format_is_a_workbook_with_opensid_columns(world):
    population_import(source=balai_csv(family(1, 1, size=3)))
    response = world.client("head").get(reverse(f"{NS}:export", args=[VILLAGE]) + "?format=opensid")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    header = next(workbook["Data Penduduk"].iter_rows(values_only=True))
    assert header[:7] == ("alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik") and len(header) == 43


def test_operator_cannot_export_another_village(world):
    population_import(source=balai_csv(family(2, 10, size=2, village=OTHER_VILLAGE)))
    response = world.client("operator").get(reverse(f"{NS}:export", args=[OTHER_VILLAGE]))
    assert response.status_code == 403
    assert not AccessLog.objects.filter(action=AccessLog.Action.EXPORT).exists()


def test_template_download_is_an_xlsx_whose_first_column_is_nik(world):
    response = world.client("operator").get(reverse(f"{NS}:template"))
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook["Data Penduduk"]["A1"].value == "nik"
    csv_response = world.client("operator").get(reverse(f"{NS}:template") + "?format=csv")
    assert csv_response.content.decode("utf-8-sig").startswith("nik,no_kk,nama")
