import os
import secrets
import subprocess
import sys

import pytest
from django.db import connection


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
