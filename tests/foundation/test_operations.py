import os
import secrets
import subprocess
import sys

import pytest
from django.db import connection
from django.test import Client

from balai.core.audit import log_access
from balai.core.models import AccessLog, TaskProgress
from balai.core.tasks import report_progress, start_progress


@pytest.mark.django_db
def test_healthz_answers_json_with_the_database_status(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == {"status": "ok", "vendor": connection.vendor}


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    env = {**os.environ, "BALAI_HTTPS": "1", "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(64),
           "ALLOWED_HOSTS": "balai.banyuwangikab.go.id", "DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3",
           "BALAI_TESTING": "0", "BALAI_LETTER_SEAL_SECRET": secrets.token_urlsafe(64),
           "STATIC_ROOT": str(tmp_path / "static")}
    for name in ("PYTEST_CURRENT_TEST", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    # As docs/deployment.md runs it: the deploy check looks for every static file in the manifest.
    subprocess.run([sys.executable, "-m", "balai.cli", "collectstatic", "--noinput", "-v0"], env=env, check=True,
                   timeout=300)
    result = subprocess.run([sys.executable, "-m", "balai.cli", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_friendly_404_page_in_indonesian(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_the_access_log_records_reads_and_is_shown_to_auditors(world, rf):
    request = rf.get("/penduduk/x/")
    request.user = world.user("operator")
    request.membership = world.user("operator").memberships.get()
    entry = log_access(request, object_type="registry.person", object_id="abc", label="Budi", region_code="35.10.01.2001")
    assert AccessLog.objects.get(pk=entry.pk).office_code == "desa-3510012001"
    page = world.client("auditor").get("/audit/akses/").content.decode()
    assert "Budi" in page
    assert world.client("operator").get("/audit/akses/").status_code == 403


def test_access_log_page_uses_keyset_pagination(world, django_assert_max_num_queries):
    AccessLog.objects.bulk_create([AccessLog(action="view", object_type="x", object_id=str(i)) for i in range(60)])
    client = world.client("auditor")
    first = client.get("/audit/akses/")
    next_before = first.context["next_before"]
    assert next_before is not None
    second = client.get(f"/audit/akses/?before={next_before}")
    assert len(second.context["rows"]) == 10
    assert all(row.id < next_before for row in second.context["rows"])


@pytest.mark.django_db
def test_background_tasks_run_and_report_progress():
    from tests.foundation.sample_tasks import count_to

    progress = start_progress("uji", total=0)
    result = count_to.enqueue(str(progress.pk), 5)
    assert result.return_value == 5
    progress.refresh_from_db()
    assert progress.state == TaskProgress.State.DONE and progress.done == 5 and progress.percent == 100


@pytest.mark.django_db
def test_report_progress_without_an_id_does_nothing():
    report_progress(None, done=3)
    assert TaskProgress.objects.count() == 0


def test_demo_command_is_idempotent_and_creates_an_office_per_village(db, capsys):
    from django.core.management import call_command

    from balai.accounts.models import Office, User

    call_command("demo", people=0)
    counts = (Office.objects.count(), User.objects.count())
    call_command("demo", people=0)
    assert (Office.objects.count(), User.objects.count()) == counts
    assert Office.objects.filter(kind="village").count() == 217
    assert Office.objects.filter(kind="district").count() == 25
    assert Office.objects.filter(kind="hall").exists()
    out = capsys.readouterr().out
    assert "balai-demo-2026" in out and "operator" in out


def test_the_portal_home_explains_what_citizens_can_do(db):
    from django.core.management import call_command

    call_command("load_regions", "35.10", verbosity=0)
    html = Client().get("/").content.decode()
    assert "Apa yang bisa Anda lakukan di sini" in html
    assert "25 kecamatan dan 217 desa/kelurahan" in html


@pytest.mark.django_db
def test_the_ui_is_indonesian_even_for_a_browser_asking_for_english_until_the_switch_is_used(client):
    from django.core.management import call_command

    call_command("compile_translations", verbosity=0)
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Apa yang bisa Anda lakukan di sini" in html
    client.post("/bahasa/", {"language": "en", "next": "/"})
    assert "What you can do here" in client.get("/").content.decode()
