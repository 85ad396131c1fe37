"""The production setup of docs/deployment.md serves pages: collectstatic with hashed names succeeds,
/healthz answers 503 when pages cannot render (a static file missing from the manifest), the deploy
check says so, and production refuses to start without real secrets."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import override_settings
from django.utils.functional import empty

from balai.core.health import check_static_manifest

ROOT = Path(__file__).resolve().parent.parent.parent
STATIC = ROOT / "balai" / "static"  # vendored files under vendor/ (Leaflet under vendor/leaflet/), ours beside
MANIFEST_STORAGE = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                    # Django's manifest storage: the hashing and reference checks of production's
                    # CompressedManifestStaticFilesStorage without its slow compression (.ci/production-check
                    # runs the real one).
                    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}


def test_no_static_file_points_at_a_source_map_that_is_not_shipped():
    dangling = []
    for path in STATIC.rglob("*"):
        if path.suffix in (".js", ".css"):
            for line in path.read_text(encoding="utf-8").splitlines():
                if "sourceMappingURL=" in line:
                    target = line.split("sourceMappingURL=")[1].strip().rstrip("*/").strip()
                    if not (path.parent / target).exists():
                        dangling.append(f"{path.relative_to(STATIC)} → {target}")
    assert dangling == []


@pytest.fixture(scope="module")
def collected_once(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STORAGES=MANIFEST_STORAGE, STATIC_ROOT=root):
        call_command("collectstatic", "--noinput", verbosity=0)
    return root


@pytest.fixture
def collected(collected_once):
    manifest = (collected_once / "staticfiles.json").read_text()
    with override_settings(STORAGES=MANIFEST_STORAGE, STATIC_ROOT=collected_once, DEBUG=False):
        yield collected_once
    (collected_once / "staticfiles.json").write_text(manifest)
    staticfiles_storage._wrapped = empty  # noqa: SLF001


def test_collectstatic_with_hashed_names_succeeds_and_pages_use_them(collected, client, db):
    manifest = json.loads((collected / "staticfiles.json").read_text())
    for name in ("vendor/chart.umd.min.js", "vendor/bootstrap.min.css", "vendor/leaflet/leaflet.js"):
        assert name in manifest["paths"]
        assert (collected / manifest["paths"][name]).exists()
    page = client.get("/layanan/")
    assert page.status_code == 200
    assert "/static/" + manifest["paths"]["vendor/bootstrap.min.css"] in page.content.decode()
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json()["pages"] == {"status": "ok"}
    assert check_static_manifest() == []


def test_healthz_answers_503_when_the_manifest_lacks_a_file_the_pages_use(collected, client, db):
    manifest_path = collected / "staticfiles.json"
    manifest = json.loads(manifest_path.read_text())
    del manifest["paths"]["vendor/htmx.min.js"]
    manifest_path.write_text(json.dumps(manifest))
    staticfiles_storage._wrapped = empty  # reload the manifest, as a restarted worker would  # noqa: SLF001
    try:
        health = client.get("/healthz")
        assert health.status_code == 503
        body = health.json()
        assert body["status"] == "error" and body["database"]["status"] == "ok"
        assert "vendor/htmx.min.js" in body["pages"]["error"]
        errors = check_static_manifest()
        assert [e.id for e in errors] == ["balai.E001"] and "vendor/htmx.min.js" in errors[0].msg
    finally:
        staticfiles_storage._wrapped = empty  # noqa: SLF001


def run_settings(env_changes):
    """Import balai.settings in a fresh interpreter with this environment (not in test mode)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_CURRENT_TEST", "SECRET_KEY", "DEBUG",
                                                              "BALAI_HTTPS", "BALAI_LETTER_SEAL_SECRET")}
    env.update({"BALAI_TESTING": "0", **env_changes})
    return subprocess.run([sys.executable, "-c", "import balai.settings as s; print(s.BALAI_PRODUCTION)"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings({"BALAI_HTTPS": "1", "BALAI_LETTER_SEAL_SECRET": secrets.token_urlsafe(64)})
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_settings({"BALAI_HTTPS": "1", "SECRET_KEY": "pendek-sekali",
                           "BALAI_LETTER_SEAL_SECRET": secrets.token_urlsafe(64)})
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_its_own_seal_secret():
    result = run_settings({"BALAI_HTTPS": "1", "SECRET_KEY": secrets.token_urlsafe(64)})
    assert result.returncode != 0
    assert "ImproperlyConfigured: BALAI_LETTER_SEAL_SECRET must be set" in result.stderr


def test_production_starts_with_both_secrets_and_development_without_any():
    both = run_settings({"BALAI_HTTPS": "1", "SECRET_KEY": secrets.token_urlsafe(64),
                         "BALAI_LETTER_SEAL_SECRET": secrets.token_urlsafe(64)})
    assert both.returncode == 0 and both.stdout.strip() == "True", both.stderr
    development = run_settings({})
    assert development.returncode == 0 and development.stdout.strip() == "False", development.stderr
