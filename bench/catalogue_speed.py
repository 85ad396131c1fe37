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
import time

import harness

PAGES = [
    ("baseline /healthz", "/healthz", {}),
    ("katalog /layanan/", "/layanan/", {}),
    ("pencarian ?q=akta", "/layanan/", {"q": "akta"}),
    ("instansi dispendukcapil", "/layanan/instansi/dispendukcapil/", {}),
    ("peristiwa lahir", "/layanan/peristiwa/lahir/", {}),
    ("layanan paspor-biasa", "/layanan/paspor-biasa/", {}),
    ("API /api/v1/services/", "/api/v1/services/", {}),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    args = parser.parse_args()

    connection = harness.setup_django(harness.bench_database("catalogue_bench"))
    from django.test import Client

    from balai.services.catalogue import load_catalogue
    from balai.services.models import Service

    harness.load_banyuwangi()
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
        def get(_i, path=path, params=params):
            response = client.get(path, params)
            assert response.status_code == 200, (path, response.status_code)

        rows.append((label, *harness.timed(get, args.requests, warmup=10)))

    harness.RatioTable("halaman", label_width=28).rows(rows)
    worst = max(p95 for label, _, p95 in rows[1:])
    print(f"Slowest catalogue page p95: {worst:.1f} ms (target < 50 ms): {'OK' if worst < 50 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
