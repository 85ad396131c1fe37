"""Starting an import of a village's register from the upload page (the file's own checks and writes
are the engine's). Keyword-only, checked here: only the operator or secretary of the village's own
office may import into it (``registry.services.check_register_edit``)."""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from balai.core.models import TaskProgress
from balai.core.tasks import start_progress

from ..services import check_register_edit
from .tasks import import_population_task

KIND = "registry_import"
MODES = ("all", "partial", "dry")


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
    path = upload_dir() / f"{uuid.uuid4().hex}.upload"
    with open(path, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    progress = start_progress(KIND, owner=actor, message=_("Menunggu giliran…"))
    TaskProgress.objects.filter(pk=progress.pk).update(result={"file": upload.name[:200], "village": village.code})
    kwargs = {"path": str(path), "village_code": village.code, "scope": membership.scope.code,
              "partial": mode == "partial", "dry_run": mode == "dry", "progress_id": str(progress.pk),
              "file_name": upload.name[:200]}
    transaction.on_commit(lambda: import_population_task.enqueue(**kwargs))
    return progress
