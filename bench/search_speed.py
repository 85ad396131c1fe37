"""Registry search/list/statistics speed: ``bench/search_speed.py --people N [--reuse]``.

1. Uses the PostgreSQL database ``<name>_registry_bench`` next to the one in DATABASE_URL (created
   fresh unless ``--reuse`` finds it already holding N persons), migrates it, loads Banyuwangi's
   regions and offices, and generates N synthetic residents (``balai.registry.generator``, seed 1),
   then refreshes the per-village statistics summary and runs ANALYZE.
2. Measures, as a regency agency officer (whole-regency scope) and a village operator, with Django's
   test client (whole request path: middleware, access policy, selectors, templates; no network):
   baseline ``/healthz``; search by NIK, by KK number, by name prefix within the regency; list pages
   of random villages (first page and a deep page via the keyset cursor); a deep page of the
   regency-wide list; the API list; the regency, kecamatan and village statistics pages.
   It also times the bare selector queries (SQL only) against a primary-key lookup baseline.
3. Prints p50/p95 in milliseconds and ratios to the baselines measured in the same run.
``--sqlite FILE`` measures the same on a SQLite database at FILE (the embedded default): with
``--reuse`` a file already holding N persons (e.g. the one ``bench/import_speed.py --sqlite FILE``
leaves behind) is used as it is.
Targets (issue 3, at 1.7M persons): NIK/KK p95 < 20 ms, name prefix p95 < 100 ms, list pages
p95 < 150 ms, regency statistics < 500 ms.
"""

import argparse
import random
import sys
import time
from types import SimpleNamespace

import harness


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=100, help="requests per measurement (default 100)")
    parser.add_argument("--reuse", action="store_true", help="reuse the bench database if it has N persons")
    parser.add_argument("--sqlite", metavar="FILE", help="measure on the SQLite database at FILE instead")
    args = parser.parse_args()

    if args.sqlite:
        database = harness.sqlite_database(args.sqlite, reuse=args.reuse)
    else:
        database = harness.bench_database("registry_bench", reuse=args.reuse,
                                          postgres_only="This benchmark needs PostgreSQL: DATABASE_URL=postgres://…")
    connection = harness.setup_django(database, unthrottled_api=False)
    from django.test import Client

    from balai.accounts.models import Membership, Office, Role, User
    from balai.registry import selectors
    from balai.registry.generator import insert_population, regency_villages
    from balai.registry.models import Family, Person, PopulationSummary
    from balai.registry.statistics import population_summary_refresh
    from balai.registry.views import _cursor_dump

    harness.load_banyuwangi()
    have = Person.objects.count()
    if have != args.people:
        if have:
            sys.exit(f"The bench database holds {have} persons, not {args.people}: run without --reuse.")
        started = time.perf_counter()
        done = insert_population(people=args.people, seed=1, villages=regency_villages(), batch_people=10_000)
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        population_summary_refresh()
        summary_s = time.perf_counter() - started
        print(f"Generated and inserted {done:,} persons in {load_s:.0f} s ({done / load_s:,.0f}/s); "
              f"summary refresh {summary_s:.1f} s")
    if not PopulationSummary.objects.exists():  # a reused database filled by an import before it refreshed
        started = time.perf_counter()
        population_summary_refresh()
        print(f"summary refresh {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    engine = (f"PostgreSQL {connection.pg_version // 10000}" if connection.vendor == "postgresql"
              else f"SQLite {connection.Database.sqlite_version}")
    print(f"Database: {engine}; persons {Person.objects.count():,}; "
          f"families {Family.objects.count():,}")

    def staff(username, office_code, role):
        user, _ = User.objects.get_or_create(username=username, defaults={"kind": User.Kind.STAFF})
        Membership.objects.get_or_create(user=user, office=Office.objects.get(code=office_code), role=role)
        client = Client()
        client.force_login(user)
        return client

    agency = staff("bench-agency", "dispendukcapil", Role.AGENCY_OFFICER)
    operator = staff("bench-operator", "desa-3510012001", Role.OPERATOR)

    rng = random.Random(42)
    max_id = Person.objects.order_by("-id").values_list("id", flat=True).first()
    sample = list(Person.objects.filter(id__in=[rng.randint(1, max_id) for _ in range(400)])
                  .values_list("id", "nik", "name_search", "family__kk_number", "village_id"))
    niks = [s[1] for s in sample]
    kks = [s[3] for s in sample if s[3]]
    prefixes = [s[2][: rng.randint(3, 5)] for s in sample]
    ids = [s[0] for s in sample]
    villages = sorted({s[4] for s in sample})

    def deep_cursor(village=None, fraction=0.8):
        qs = Person.objects.order_by("name_search", "id")
        if village:
            qs = qs.filter(village_id=village)
        n = qs.count()
        row = qs.values_list("name_search", "id")[int(n * fraction)]
        return _cursor_dump(row)

    deep = {v: deep_cursor(v) for v in villages[:40]}
    regency_deep = deep_cursor(None, 0.9)

    def get(client, path, params=None):
        response = client.get(path, params or {})
        assert response.status_code == 200, (path, params, response.status_code)
        return response

    pages = [
        ("baseline /healthz", lambda i: get(agency, "/healthz")),
        ("cari NIK (kabupaten)", lambda i: get(agency, "/penduduk/", {"q": niks[i % len(niks)]})),
        ("cari no. KK (kabupaten)", lambda i: get(agency, "/penduduk/", {"q": kks[i % len(kks)]})),
        ("cari awalan nama (kab.)", lambda i: get(agency, "/penduduk/", {"q": prefixes[i % len(prefixes)]})),
        ("daftar desa, hal. 1", lambda i: get(agency, "/penduduk/", {"village": villages[i % len(villages)]})),
        ("daftar desa, hal. dalam", lambda i: get(agency, "/penduduk/", {
            "village": list(deep)[i % len(deep)], "after": deep[list(deep)[i % len(deep)]]})),
        ("daftar kabupaten, dalam", lambda i: get(agency, "/penduduk/", {"after": regency_deep})),
        ("operator desa, hal. 1", lambda i: get(operator, "/penduduk/")),
        ("API persons ?village", lambda i: get(agency, "/api/v1/persons/", {"village": villages[i % len(villages)]})),
        ("statistik kabupaten", lambda i: get(agency, "/penduduk/statistik/")),
        ("statistik kecamatan", lambda i: get(agency, "/penduduk/statistik/", {"region": "35.10.01"})),
        ("statistik desa (langsung)", lambda i: get(agency, "/penduduk/statistik/", {"region": "35.10.01.2001"})),
    ]
    from balai.regions.scope import RegionScope

    regency_scope = RegionScope("35.10")
    request = SimpleNamespace(membership=SimpleNamespace(office=SimpleNamespace(region_id="35.10"),
                                                         scope=regency_scope, covers=regency_scope.covers),
                              user=SimpleNamespace(is_authenticated=True, is_citizen=False))

    def sql(flt):
        return list(selectors.search_persons(request, flt)[:25])

    queries = [
        ("baseline PK lookup", lambda i: list(Person.objects.filter(pk=ids[i % len(ids)]))),
        ("SQL cari NIK", lambda i: sql(selectors.PersonFilter(q=niks[i % len(niks)]))),
        ("SQL cari no. KK", lambda i: sql(selectors.PersonFilter(q=kks[i % len(kks)]))),
        ("SQL awalan nama", lambda i: sql(selectors.PersonFilter(q=prefixes[i % len(prefixes)]))),
    ]

    table = harness.RatioTable("halaman (test client)", label_width=30, number_width=9, ratio_title="p95/baseline",
                               ratio_width=14, newline_before=True)
    for label, fn in pages:
        table.row(label, *harness.timed(fn, args.repeat, warmup=3))
    table = harness.RatioTable("kueri (selector, SQL saja)", label_width=30, number_width=9,
                               ratio_title="p95/baseline", ratio_width=14, decimals=2, newline_before=True)
    for label, fn in queries:
        table.row(label, *harness.timed(fn, args.repeat, warmup=3))


if __name__ == "__main__":
    main()
