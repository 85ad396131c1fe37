"""Import speed: ``bench/import_speed.py --people N`` (PostgreSQL from DATABASE_URL).

1. Creates a fresh database ``<name>_import_bench`` next to the one in DATABASE_URL, migrates it and
   loads Banyuwangi's regions.
2. Generates a CSV of N synthetic residents in Balai's import layout (``balai generate_population
   --out``, in a child process so its memory does not count).
3. Baseline: loads the same file with plain ``COPY … FROM STDIN (FORMAT csv)`` into a bare table of
   text columns (no validation, no indexes).
4. Imports the file with ``population_import`` (validation, staging, set-based upsert, families,
   units), end to end, into the empty register; then imports it a second time (nothing changes).

Prints rows/s, the ratio to the COPY baseline measured in the same run, and this process's peak RSS
(``resource.getrusage``; the import streams the file, so memory should not grow with N).

``--sqlite FILE`` runs the same on a fresh SQLite database at FILE (the embedded default); its
baseline is SQLite's plain bulk load: the CSV read by Python's csv module and inserted with one
``executemany`` per 50,000 rows into a bare table of text columns, in one transaction.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import harness

ROOT = harness.ROOT


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def copy_baseline(connection, csv_path, columns):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_copy_baseline")
        cursor.execute(f"CREATE UNLOGGED TABLE bench_copy_baseline ({', '.join(f'{c} text' for c in columns)})")
        started = time.perf_counter()
        with open(csv_path, "rb") as handle, cursor.cursor.copy(
                "COPY bench_copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            while block := handle.read(1 << 20):
                copy.write(block)
        seconds = time.perf_counter() - started
        cursor.execute("SELECT COUNT(*) FROM bench_copy_baseline")
        copied = cursor.fetchone()[0]
        cursor.execute("DROP TABLE bench_copy_baseline")
    return seconds, copied


def sqlite_baseline(connection, csv_path, columns):
    import csv
    import itertools

    from django.db import transaction

    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_copy_baseline")
        cursor.execute(f"CREATE TABLE bench_copy_baseline ({', '.join(f'{c} text' for c in columns)})")
        started = time.perf_counter()
        with open(csv_path, encoding="utf-8", newline="") as handle, transaction.atomic():
            reader = csv.reader(handle)
            next(reader)
            while chunk := list(itertools.islice(reader, 50_000)):
                cursor.executemany(f"INSERT INTO bench_copy_baseline VALUES ({marks})", chunk)
        seconds = time.perf_counter() - started
        cursor.execute("SELECT COUNT(*) FROM bench_copy_baseline")
        copied = cursor.fetchone()[0]
        cursor.execute("DROP TABLE bench_copy_baseline")
    return seconds, copied


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--csv", help="Reuse (or keep) the generated CSV at this path.")
    parser.add_argument("--no-reimport", action="store_true", help="Skip the second (no-change) import.")
    parser.add_argument("--verbose", action="store_true", help="Print each import statement with its time.")
    parser.add_argument("--sqlite", metavar="FILE", help="Measure on a fresh SQLite database at FILE instead.")
    args = parser.parse_args()

    if args.sqlite:
        bench_url = harness.sqlite_database(args.sqlite)
    else:
        bench_url = harness.bench_database(
            "import_bench", postgres_only="DATABASE_URL must point at PostgreSQL (postgres://user@host:port/name).")
    os.environ["DATABASE_URL"] = bench_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings")
    env = dict(os.environ)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=env)
    subprocess.run([*manage, "load_regions", "35.10"], check=True, env=env, stdout=subprocess.DEVNULL)

    csv_path = Path(args.csv) if args.csv else Path(tempfile.mkdtemp()) / f"penduduk-{args.people}.csv"
    if not csv_path.exists():
        started = time.perf_counter()
        subprocess.run([*manage, "generate_population", "--people", str(args.people), "--seed", str(args.seed),
                        "--out", str(csv_path)], check=True, env=env, stdout=subprocess.DEVNULL)
        print(f"generated {csv_path} ({csv_path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s")

    connection = harness.setup_django(bench_url, unthrottled_api=False, test_environment=False, migrate=False)

    if args.verbose:
        import logging

        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("  %(relativeCreated)8.0f ms  %(message)s"))
        importer_log = logging.getLogger("balai.registry.import")
        importer_log.addHandler(handler)
        importer_log.setLevel(logging.DEBUG)

    from balai.registry.importing.engine import population_import, refresh_statistics
    from balai.registry.models import Family, Person

    # Baseline: plain COPY of the same file into a bare table (SQLite: csv module + executemany).
    with open(csv_path, encoding="utf-8") as handle:
        columns = handle.readline().strip().split(",")
    if connection.vendor == "sqlite":
        copy_seconds, copied = sqlite_baseline(connection, csv_path, columns)
    else:
        copy_seconds, copied = copy_baseline(connection, csv_path, columns)
    baseline = "plain COPY" if connection.vendor == "postgresql" else "executemany"

    print(f"load average before import: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
    rss_before = peak_rss_mb()
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    report = population_import(source=str(csv_path))
    import_seconds = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    import_cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    rss_import = peak_rss_mb()
    assert report.written, report.errors[:5]
    started = time.perf_counter()  # the follow-up the command and the upload task run after a written import
    refreshed = refresh_statistics(report)
    refresh_seconds = time.perf_counter() - started
    again = None
    if not args.no_reimport:
        started = time.perf_counter()
        again = population_import(source=str(csv_path))
        again_seconds = time.perf_counter() - started

    rows = report.rows
    print(f"database                  {connection.vendor}")
    print(f"people in file            {rows:,} ({baseline} loaded {copied:,})")
    print(f"persons / families        {Person.objects.count():,} / {Family.objects.count():,}")
    print(f"{baseline:26}{copy_seconds:8.1f} s  {copied / copy_seconds:10,.0f} rows/s")
    print(f"import (first)            {import_seconds:8.1f} s  {rows / import_seconds:10,.0f} rows/s  "
          f"created {report.created:,}, warnings {report.warning_count:,}, errors {report.error_count:,}")
    print(f"then statistics refresh   {refresh_seconds:8.1f} s  (region {refreshed or 'all'}; its own transaction, not "
          f"counted above)")
    if again is not None:
        print(f"import (again, no change) {again_seconds:8.1f} s  {rows / again_seconds:10,.0f} rows/s  "
              f"created {again.created}, updated {again.updated}, unchanged {again.unchanged:,}")
    print(f"{'ratio import / ' + baseline:26}{import_seconds / copy_seconds:8.1f} x")
    print(f"importer CPU (Python)     {import_cpu:8.1f} s  ({import_cpu * 1e6 / max(rows, 1):.0f} µs/row; "
          f"the rest of the wall time is the database or waiting for a CPU)")
    print(f"peak RSS                  {rss_import:8.0f} MB (before import {rss_before:.0f} MB)")


if __name__ == "__main__":
    main()
