"""What /healthz and ``check --deploy`` ask beyond the database: can a page render?

A page renders only if every ``{% static %}`` URL resolves through the configured static storage. With
hashed names (``CompressedManifestStaticFilesStorage``, the production default) that needs a manifest
written by ``balai collectstatic`` holding an entry for each file; a missing or stale manifest makes
every page answer 500 while the database is fine. ``page_problem`` renders the base template (every
page extends it) and reports the error instead of raising; ``static_manifest_problems`` lists the
static files the manifest lacks (a deploy check, run after collectstatic)."""

from __future__ import annotations

from django.core import checks
from django.template.loader import render_to_string

BASE_TEMPLATE = "base.html"


def page_problem(request) -> str | None:
    """None when the base template renders for ``request``; otherwise "ErrorClass: message"."""
    try:
        render_to_string(BASE_TEMPLATE, request=request)
    except Exception as exc:  # noqa: BLE001 — reported by the health check, never raised from it
        return f"{exc.__class__.__name__}: {exc}"[:300]
    return None


def static_manifest_problems() -> list[str]:
    """Static files (as the finders see them) that the static storage cannot name; empty when the
    storage does not hash names, or when the manifest holds every file."""
    from django.contrib.staticfiles import finders
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

    if not isinstance(staticfiles_storage, ManifestFilesMixin):  # a lazy object: isinstance sees the storage
        return []
    missing = []
    seen = set()
    for finder in finders.get_finders():
        for path, _storage in finder.list(["CVS", ".*", "*~"]):
            path = path.replace("\\", "/")
            if path in seen:
                continue
            seen.add(path)
            try:
                staticfiles_storage.stored_name(path)
            except ValueError:
                missing.append(path)
    return missing


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_static_manifest(app_configs=None, **kwargs):
    missing = static_manifest_problems()
    if not missing:
        return []
    return [checks.Error(
        f"The static manifest lacks {len(missing)} file(s), e.g. {', '.join(missing[:3])}: every page "
        "would answer 500.",
        hint="Run `balai collectstatic --noinput` with the production settings (STATIC_ROOT, BALAI_HTTPS=1).",
        id="balai.E001",
    )]
