"""A job whose worker died (no heartbeat for BALAI_TASK_STALE_MINUTES) is marked failed with a message,
its page offers to start again instead of polling for ever, and its uploaded file (personal data) is
deleted; an upload is also deleted as soon as its job ends, and orphaned uploads are swept."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from balai.core.models import TaskProgress
from balai.core.tasks import fail_stale_progress, report_progress
from balai.regions.models import Region
from balai.registry.importing.services import cleanup_stale_uploads, population_import_start, upload_dir
from balai.registry.importing.tasks import import_population_task
from balai.registry.models import Person

from .builders import VILLAGE, balai_csv, family

pytestmark = pytest.mark.django_db


def start(world, rows=None):
    """Store an upload and open its progress row without running the task (as if the worker died)."""
    data = balai_csv(rows or family(1, 1, size=2))
    upload = SimpleUploadedFile("penduduk.csv", data.getvalue())
    operator = world.user("operator")
    progress = population_import_start(actor=operator, membership=operator.memberships.get(),
                                       village=Region.objects.get(code=VILLAGE), upload=upload, mode="all")
    return progress, upload_dir() / TaskProgress.objects.get(pk=progress.pk).result["upload"]


def age(progress, minutes):
    TaskProgress.objects.filter(pk=progress.pk).update(updated_at=timezone.now() - datetime.timedelta(minutes=minutes))


def test_report_progress_is_a_heartbeat():
    progress = TaskProgress.objects.create(kind="x", state=TaskProgress.State.RUNNING)
    age(progress, 45)
    report_progress(progress.pk, done=10)
    progress.refresh_from_db()
    assert timezone.now() - progress.updated_at < datetime.timedelta(minutes=1)
    assert fail_stale_progress() == []


def test_a_running_import_without_heartbeat_for_31_minutes_fails_and_its_page_offers_a_retry(world, settings):
    settings.BALAI_TASK_STALE_MINUTES = 30
    progress, path = start(world)
    TaskProgress.objects.filter(pk=progress.pk).update(state=TaskProgress.State.RUNNING, message="Menyimpan…")
    assert path.exists()
    client = world.client("operator")
    url = reverse("registry:registry_import:progress", args=[progress.pk])

    age(progress, 29)
    fresh = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Menyimpan…" in fresh and 'hx-trigger="every 1s"' in fresh  # still alive: keep polling
    assert path.exists()

    age(progress, 31)
    page = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    progress.refresh_from_db()
    assert progress.state == TaskProgress.State.FAILED and progress.result["stale"] is True
    assert progress.message.startswith("Tugas terhenti: pekerja latar belakang tidak memberi kabar selama 30 menit")
    assert "hx-trigger" not in page  # polling stops
    assert "Tugas terhenti" in page and "sudah dihapus dari server" in page
    assert reverse("registry:registry_import:upload") in page  # the retry: upload again
    assert not path.exists()  # personal data gone


def test_a_job_marked_stale_while_waiting_does_not_run_later(world, settings):
    progress, path = start(world)
    age(progress, 31)
    assert [p.pk for p in fail_stale_progress()] == [progress.pk]
    assert not path.exists()
    # the queued task finally runs: it must not import anything, nor overwrite the failure
    import_population_task.call(path=str(path), village_code=VILLAGE, scope=VILLAGE, partial=False, dry_run=False,
                                progress_id=str(progress.pk), file_name="penduduk.csv")
    progress.refresh_from_db()
    assert progress.state == TaskProgress.State.FAILED
    assert Person.objects.filter(village_id=VILLAGE).count() == 0


def test_a_late_heartbeat_wins_over_the_stale_mark(world):
    progress, path = start(world)
    age(progress, 31)
    stale_view = TaskProgress.objects.get(pk=progress.pk)
    report_progress(progress.pk, state=TaskProgress.State.RUNNING)  # the worker is alive after all
    assert fail_stale_progress(progress_id=stale_view.pk) == []
    assert TaskProgress.objects.get(pk=progress.pk).state == TaskProgress.State.RUNNING
    assert path.exists()


def test_the_upload_is_deleted_when_the_job_ends(world, django_capture_on_commit_callbacks):
    before = set(upload_dir().glob("*.upload"))
    with django_capture_on_commit_callbacks(execute=True):
        progress, path = start(world)
    assert TaskProgress.objects.get(pk=progress.pk).state == TaskProgress.State.DONE
    assert Person.objects.filter(village_id=VILLAGE).count() == 2
    assert not path.exists() and set(upload_dir().glob("*.upload")) <= before


def test_the_worker_sweep_marks_stale_jobs_and_removes_orphaned_uploads(world, settings, monkeypatch):
    from balai.core.management.commands import worker

    monkeypatch.setattr(worker, "call_command", lambda *args, **kwargs: None)  # the queue itself: not here
    settings.BALAI_TASK_STALE_MINUTES = 30
    progress, path = start(world)
    live, live_path = start(world)
    orphan = upload_dir() / "0123456789abcdef0123456789abcdef.upload"
    orphan.write_bytes(b"nik,nama\n")
    young_orphan = upload_dir() / "fedcba9876543210fedcba9876543210.upload"
    young_orphan.write_bytes(b"nik,nama\n")
    hour_ago = (timezone.now() - datetime.timedelta(minutes=60)).timestamp()
    os.utime(orphan, (hour_ago, hour_ago))
    os.utime(live_path, (hour_ago, hour_ago))  # an old file, but its job is alive
    age(progress, 31)
    try:
        call_command("worker", "--batch", verbosity=0)
        assert TaskProgress.objects.get(pk=progress.pk).state == TaskProgress.State.FAILED
        assert TaskProgress.objects.get(pk=live.pk).state == TaskProgress.State.WAITING
        assert not path.exists() and not orphan.exists()
        assert live_path.exists() and young_orphan.exists()
        assert cleanup_stale_uploads() == 0
    finally:
        for leftover in (live_path, young_orphan, orphan):
            leftover.unlink(missing_ok=True)
