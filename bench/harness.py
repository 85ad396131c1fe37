"""The benchmark harness every script in ``bench/`` uses (``import harness`` from a script run as
``python bench/<script>.py``).

* ``bench_database()`` — a fresh database next to ``DATABASE_URL`` (``<name>_<suffix>`` on PostgreSQL,
  a temporary SQLite file otherwise, or PostgreSQL only), ``sqlite_database()`` for ``--sqlite FILE``;
* ``setup_django()`` — point Django at it, set it up, and (by default) the test environment and migrate;
  ``load_banyuwangi()`` — Banyuwangi's regions and offices;
* ``timed()`` — warm-up calls, then timed calls: (p50, p95) in milliseconds; ``percentile()``;
* ``RatioTable`` — prints "label, p50, p95, p95 / baseline" rows, the first row being the baseline
  measured in the same run (the ratios are what docs/benchmarks.md compares, never absolute times).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

POSTGRES_DEFAULT = "postgres://postgres@127.0.0.1:5432/balai"


def bench_database(suffix: str, *, default: str = POSTGRES_DEFAULT, postgres_only: str | None = None,
                   reuse: bool = False) -> str:
    """The URL of a fresh database for this run, next to the one in ``DATABASE_URL`` (or ``default``).

    PostgreSQL: ``<name>_<suffix>``, dropped and created again (kept when ``reuse`` and it exists).
    Anything else: a new temporary SQLite file ``<suffix>.sqlite3`` — or, when ``postgres_only`` is
    given, exit with that message."""
    url = os.environ.get("DATABASE_URL", default)
    parsed = urlparse(url)
    if not parsed.scheme.startswith("postgres"):
        if postgres_only:
            sys.exit(postgres_only)
        return "sqlite:///" + os.path.join(tempfile.mkdtemp(), f"{suffix}.sqlite3")
    import psycopg

    name = (parsed.path.lstrip("/") or "balai") + f"_{suffix}"
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not (reuse and exists):
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parsed._replace(path="/" + name))


def sqlite_database(path: str, *, reuse: bool = False) -> str:
    """The URL of the SQLite database at ``path``, emptied first (with its WAL files) unless ``reuse``."""
    if not reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)
    return f"sqlite:///{Path(path).resolve()}"


def setup_django(database_url: str, *, unthrottled_api: bool = True, test_environment: bool = True,
                 migrate: bool = True):
    """Set Django up on ``database_url``; returns ``django.db.connection``.

    ``unthrottled_api`` lifts the public API's rate limit (measure the view, not the throttle);
    ``test_environment`` allows Django's test client (``setup_test_environment``)."""
    os.environ["DATABASE_URL"] = database_url
    if unthrottled_api:
        os.environ["BALAI_PUBLIC_API_RATE"] = "1000000/min"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    if test_environment:
        setup_test_environment()
    if migrate:
        call_command("migrate", verbosity=0)
    return connection


def load_banyuwangi():
    """Banyuwangi's regions (Kemendagri codes under 35.10) and the offices of the regency."""
    from balai.accounts.demo import ensure_offices
    from balai.regions.loading import load_regions

    load_regions("35.10")
    ensure_offices("35.10")


def analyze(connection):
    """Fresh planner statistics after bulk inserts (PostgreSQL; nothing to do on SQLite)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def percentile(values, p):
    """Nearest rank on the sorted values (rounded index), as every figure in docs/benchmarks.md."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(fn, runs: int, *, warmup: int = 0, before=None):
    """Call ``fn(i)`` ``warmup`` times untimed, then ``runs`` times timed (``before(i)``, if given, runs
    untimed before each timed call). The index goes on from the warm-up. Returns (p50 ms, p95 ms)."""
    for i in range(warmup):
        fn(i)
    timings = []
    for i in range(warmup, warmup + runs):
        if before is not None:
            before(i)
        t0 = time.perf_counter()
        fn(i)
        timings.append((time.perf_counter() - t0) * 1000)
    return statistics.median(timings), percentile(timings, 95)


class RatioTable:
    """Prints a header, then one line per ``row(label, p50, p95)`` as it comes: p50 and p95 in ms and
    the p95 ratio to the first row's (the baseline measured in the same run)."""

    def __init__(self, title: str, *, label_width: int, number_width: int = 10, ratio_title: str = "p95 / baseline",
                 ratio_width: int = 16, decimals: int = 1, newline_before: bool = False):
        self.label_width, self.number_width, self.ratio_width = label_width, number_width, ratio_width
        self.decimals = decimals
        self.base = None
        print(f"{chr(10) if newline_before else ''}{title:<{label_width}}{'p50 ms':>{number_width}}"
              f"{'p95 ms':>{number_width}}{ratio_title:>{ratio_width}}")

    def row(self, label: str, p50: float, p95: float):
        self.base = self.base or p95
        n, d = self.number_width, self.decimals
        print(f"{label:<{self.label_width}}{p50:>{n}.{d}f}{p95:>{n}.{d}f}{p95 / self.base:>{self.ratio_width}.1f}",
              flush=True)

    def rows(self, rows):
        for label, p50, p95 in rows:
            self.row(label, p50, p95)
