"""Background work helpers. Tasks use Django's tasks API (django-tasks, DB backend in production,
immediate in tests); long tasks report progress through a ``TaskProgress`` row that the page which
started them polls.

Every ``report_progress`` touches ``updated_at``: that is the job's heartbeat. A job still waiting or
running whose heartbeat is older than ``BALAI_TASK_STALE_MINUTES`` lost its worker (killed, machine
restarted): ``fail_stale_progress`` marks it failed with a message, in one compare-and-set UPDATE per
row so that a late heartbeat wins, and calls the handler its kind registered with ``on_stale`` (the
import deletes its uploaded file). The progress page asks for its own row; ``balai worker`` sweeps all
rows, and runs the sweeps apps registered with ``register_sweep``, every minute."""

import datetime
import logging

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import TaskProgress

logger = logging.getLogger("balai.tasks")
_STALE_HANDLERS: dict = {}
_SWEEPS: list = []


def on_stale(kind: str, handler) -> None:
    """``handler(progress)`` runs once a job of ``kind`` has been marked failed as stale."""
    _STALE_HANDLERS[kind] = handler


def register_sweep(sweep) -> None:
    """``sweep()`` runs in ``balai worker`` every minute (e.g. removing orphaned uploads)."""
    if sweep not in _SWEEPS:
        _SWEEPS.append(sweep)


def is_stale(progress: TaskProgress, now=None) -> bool:
    now = now or timezone.now()
    return (progress.state in (TaskProgress.State.WAITING, TaskProgress.State.RUNNING)
            and progress.updated_at < now - datetime.timedelta(minutes=settings.BALAI_TASK_STALE_MINUTES))


def fail_stale_progress(*, progress_id=None, now=None) -> list[TaskProgress]:
    """Mark failed the jobs (or the one job) whose heartbeat stopped; returns the rows marked."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.BALAI_TASK_STALE_MINUTES)
    rows = TaskProgress.objects.filter(state__in=[TaskProgress.State.WAITING, TaskProgress.State.RUNNING],
                                       updated_at__lt=cutoff)
    if progress_id is not None:
        rows = rows.filter(pk=progress_id)
    marked = []
    for progress in rows:
        message = _("Tugas terhenti: pekerja latar belakang tidak memberi kabar selama %(minutes)s menit "
                    "(pekerja mati atau mesin dimulai ulang). Jalankan ulang tugasnya.") % {
            "minutes": settings.BALAI_TASK_STALE_MINUTES}
        result = {**(progress.result or {}), "stale": True}
        if TaskProgress.objects.filter(pk=progress.pk, state=progress.state, updated_at=progress.updated_at).update(
                state=TaskProgress.State.FAILED, message=message[:300], result=result, updated_at=now):
            progress.state, progress.message, progress.result, progress.updated_at = (
                TaskProgress.State.FAILED, message[:300], result, now)
            marked.append(progress)
            handler = _STALE_HANDLERS.get(progress.kind)
            if handler:
                try:
                    handler(progress)
                except Exception:  # noqa: BLE001 — the row is failed already; the next sweep tidies up
                    logger.exception("stale handler of %s failed", progress.kind)
    return marked


def run_sweeps() -> None:
    """One round of the worker's housekeeping: stale jobs, then every registered sweep."""
    for sweep in [fail_stale_progress, *_SWEEPS]:
        try:
            sweep()
        except Exception:  # noqa: BLE001 — the database may be briefly away; next round
            logger.exception("sweep %s failed", getattr(sweep, "__name__", sweep))


def sweep_forever(every: float, *, stop=None) -> None:
    import threading

    from django.db import close_old_connections

    stop = stop or threading.Event()
    while not stop.is_set():
        try:
            run_sweeps()
        finally:
            close_old_connections()
        stop.wait(every)


def start_progress(kind: str, owner=None, total: int = 0, message: str = "") -> TaskProgress:
    return TaskProgress.objects.create(kind=kind, owner=owner, total=total, message=message)


def report_progress(progress_id, *, done=None, total=None, message=None, state=None, result=None, add=None):
    """Update a progress row from inside a task (one UPDATE, no read)."""
    if not progress_id:
        return
    fields = {}
    if done is not None:
        fields["done"] = done
    if add is not None:
        fields["done"] = F("done") + add
    if total is not None:
        fields["total"] = total
    if message is not None:
        fields["message"] = message[:300]
    if state is not None:
        fields["state"] = state
    if result is not None:
        fields["result"] = result
    # The heartbeat: update() does not touch auto_now fields by itself.
    fields["updated_at"] = timezone.now()
    TaskProgress.objects.filter(pk=progress_id).update(**fields)


@task()
def outbox_deliver(message_id: int):
    """Send one outbox message after the transaction that wrote it committed (see core/outbox.py)."""
    from .outbox import outbox_deliver_one

    return outbox_deliver_one(message_id)
