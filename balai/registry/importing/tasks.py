"""The import as a background task (django-tasks; immediate in tests), reporting progress to the
``TaskProgress`` row that the upload page polls."""

import logging
import os

from django.utils.translation import gettext as _
from django_tasks import task

from balai.core.models import TaskProgress
from balai.core.tasks import report_progress

from .engine import population_import, refresh_statistics

log = logging.getLogger("balai.registry.import")


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


@task()
def import_population_task(*, path: str, village_code: str, scope: str | None, partial: bool, dry_run: bool,
                           progress_id: str, file_name: str = ""):
    if TaskProgress.objects.filter(pk=progress_id, state=TaskProgress.State.FAILED).exists():
        # Marked stale while it waited (no worker for BALAI_TASK_STALE_MINUTES): the operator was told
        # to start again, so this run must not import the file a second time.
        _remove(path)
        return ""
    try:
        with open(path, "rb") as handle:
            report = population_import(source=handle, village_code=village_code, scope=scope, partial=partial,
                                       dry_run=dry_run, progress_id=progress_id)
    except Exception as exc:
        report_progress(progress_id, state=TaskProgress.State.FAILED,
                        message=(_("Impor gagal karena kesalahan sistem: %(error)s") % {"error": exc})[:300])
        raise
    finally:
        _remove(path)  # the upload holds personal data: gone as soon as the job ends, however it ends
    result = report.as_dict()
    result.update(file=file_name, village=village_code)
    if report.written:  # the register is committed; a failing statistics refresh must not say otherwise
        report_progress(progress_id, message=_("Memperbarui statistik penduduk…"))
        try:
            refresh_statistics(report)
        except Exception:  # noqa: BLE001 - logged; the nightly refresh catches up
            log.exception("statistics refresh after import failed")
            result["summary"] += " " + _("Statistik penduduk belum diperbarui (akan diperbarui pada pembaruan malam).")
    report_progress(progress_id, state=TaskProgress.State.DONE, done=report.rows, total=report.rows,
                    message=result["summary"], result=result)
    return result["summary"]
