"""Starting an import of a village's register from the upload page (the file's own checks and writes
are the engine's), and taking a village's register out as a file. Keyword-only, checked here: only the
operator or secretary of the village's own office may import into it
(``registry.services.check_register_edit``); only the village's staff, its kecamatan office and the
civil-registry office may export it (``accounts.permissions.export_register``), and every export is
logged."""

from __future__ import annotations

import datetime
import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.accounts import permissions as perms
from balai.core.audit import log_access
from balai.core.models import AccessLog, TaskProgress
from balai.core.tasks import start_progress

from ..services import check_register_edit
from .tasks import import_population_task

KIND = "registry_import"
MODES = ("all", "partial", "dry")
EXPORT_LAYOUTS = ("csv", "xlsx", "opensid")
UPLOAD_SUFFIX = ".upload"
log = logging.getLogger("balai.registry.import")


def upload_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


@transaction.atomic
def population_import_start(*, actor, membership, village, upload, mode: str) -> TaskProgress:
    """Store the uploaded file outside static roots, open a progress row for the page to poll, and
    queue the import after commit (into ``village``, limited to the membership's region)."""
    check_register_edit(actor=actor, membership=membership, village_code=village.code)
    if mode not in MODES:
        raise ValueError(f"unknown import mode {mode!r}")
    path = upload_dir() / f"{uuid.uuid4().hex}{UPLOAD_SUFFIX}"
    with open(path, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    progress = start_progress(KIND, owner=actor, message=_("Menunggu giliran…"))
    # "upload" names the stored file so that it can be deleted when the job goes stale (delete_upload).
    TaskProgress.objects.filter(pk=progress.pk).update(result={"file": upload.name[:200], "village": village.code,
                                                               "upload": path.name})
    kwargs = {"path": str(path), "village_code": village.code, "scope": membership.scope.code,
              "partial": mode == "partial", "dry_run": mode == "dry", "progress_id": str(progress.pk),
              "file_name": upload.name[:200]}
    transaction.on_commit(lambda: import_population_task.enqueue(**kwargs))
    return progress


def check_register_export(*, membership, village_code: str) -> None:
    """Refuse (``PermissionDenied``) unless ``membership`` may take the whole register of
    ``village_code`` out: ``accounts.permissions.export_register`` within its region."""
    if not (perms.holds(perms.export_register, membership) and membership.covers(village_code)):
        raise PermissionDenied(_("Anda tidak berwenang mengekspor data penduduk desa ini; ekspor hanya untuk "
                                 "perangkat desa tersebut, kantor kecamatannya, dan Dispendukcapil."))


def village_register_export(request, *, village, layout: str):
    """The register of ``village`` for ``request``'s membership, checked and logged: (layout, rows,
    file name without extension). Rows are streamed from the database as the caller writes them."""
    from . import export

    check_register_export(membership=getattr(request, "membership", None), village_code=village.code)
    if layout not in EXPORT_LAYOUTS:
        layout = "csv"
    log_access(request, object_type="registry.village_register", object_id=village.code,
               label=_("Ekspor penduduk %(village)s (%(format)s)") % {"village": village.name, "format": layout},
               region_code=village.code, action=AccessLog.Action.EXPORT)
    base = f"penduduk-{village.compact_code}-{timezone.localdate().strftime('%Y%m%d')}"
    if layout == "opensid":
        return layout, export.opensid_rows(village.code), f"{base}-opensid"
    return layout, export.balai_rows(village.code), base


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def delete_upload(progress: TaskProgress) -> bool:
    """Delete the uploaded file (personal data) of an import job that ended or went stale."""
    name = (progress.result or {}).get("upload", "")
    if not name or Path(name).name != name or not name.endswith(UPLOAD_SUFFIX):
        return False
    removed = _remove(upload_dir() / name)
    if removed:
        log.info("deleted the upload of import %s", progress.pk)
    return removed


def cleanup_stale_uploads(now=None) -> int:
    """Delete uploads no live import job holds that are older than BALAI_TASK_STALE_MINUTES (left by
    a crash between storing the file and queueing its job, or by a job that died before its row was
    marked). Run by ``balai worker``'s sweep (registered in registry/apps.py)."""
    now = now or timezone.now()
    cutoff = (now - datetime.timedelta(minutes=settings.BALAI_TASK_STALE_MINUTES)).timestamp()
    live = {(p.result or {}).get("upload") for p in TaskProgress.objects.filter(
        kind=KIND, state__in=[TaskProgress.State.WAITING, TaskProgress.State.RUNNING]).only("result")}
    removed = 0
    for path in upload_dir().glob(f"*{UPLOAD_SUFFIX}"):
        if path.name not in live and path.stat().st_mtime < cutoff and _remove(path):
            removed += 1
    return removed
