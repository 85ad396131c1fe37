"""Public catalogue speed: ``bench/catalogue_speed.py [--requests N]``.

1. Creates a fresh database next to the one in DATABASE_URL (``<name>_catalogue_bench`` on
   PostgreSQL; a temporary file for SQLite), migrates it, loads Banyuwangi's regions and offices and
   the shipped service catalogue (``balai/services/data/catalogue.yaml``).
2. With Django's test client (the whole request path: middleware, access policy, templates, no
   network), requests each page N times after a warm-up, as an anonymous visitor:
   baseline ``/healthz`` (one trivial query), the catalogue home, a search, an agency page, a life
   event page, a service page and the public API list.
3. Prints p50/p95 in milliseconds per page and the p95 ratio to the baseline measured in the same run.
   The issue's target is p95 under 50 ms for public catalogue pages.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    ("baseline /healthz", "/healthz", {}),
    ("katalog /layanan/", "/layanan/", {}),
    ("pencarian ?q=akta", "/layanan/", {"q": "akta"}),
    ("instansi dispendukcapil", "/layanan/instansi/dispendukcapil/", {}),
    ("peristiwa lahir", "/layanan/peristiwa/lahir/", {}),
    ("layanan paspor-biasa", "/layanan/paspor-biasa/", {}),
    ("API /api/v1/services/", "/api/v1/services/", {}),
]


def fresh_database(url: str) -> str:
    parsed = urlparse(url)
    if not parsed.scheme.startswith("postgres"):
        return "sqlite:///" + os.path.join(tempfile.mkdtemp(), "catalogue_bench.sqlite3")
    import psycopg

    name = (parsed.path.lstrip("/") or "balai") + "_catalogue_bench"
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(parsed._replace(path="/" + name))


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/balai")
    os.environ["DATABASE_URL"] = fresh_database(url)
    os.environ["BALAI_PUBLIC_API_RATE"] = "1000000/min"  # measure the view, not the throttle
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    from balai.accounts.demo import ensure_offices
    from balai.regions.loading import load_regions
    from balai.services.catalogue import load_catalogue
    from balai.services.models import Service

    load_regions("35.10")
    ensure_offices("35.10")
    started = time.perf_counter()
    result = load_catalogue()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    load_catalogue()
    reload_seconds = time.perf_counter() - started
    print(f"Database: {connection.vendor}; catalogue: {result} "
          f"(load {load_seconds:.2f} s, reload {reload_seconds:.2f} s); "
          f"{Service.objects.count()} services")

    client = Client()
    rows = []
    for label, path, params in PAGES:
        for _ in range(10):
            response = client.get(path, params)
            assert response.status_code == 200, (path, response.status_code)
        timings = []
        for _ in range(args.requests):
            t0 = time.perf_counter()
            client.get(path, params)
            timings.append((time.perf_counter() - t0) * 1000)
        rows.append((label, statistics.median(timings), percentile(timings, 95)))

    base_p95 = rows[0][2]
    print(f"{'halaman':<28}{'p50 ms':>10}{'p95 ms':>10}{'p95 / baseline':>16}")
    for label, p50, p95 in rows:
        print(f"{label:<28}{p50:>10.1f}{p95:>10.1f}{p95 / base_p95:>16.1f}")
    worst = max(p95 for label, _, p95 in rows[1:])
    print(f"Slowest catalogue page p95: {worst:.1f} ms (target < 50 ms): {'OK' if worst < 50 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
