"""Applications speed: ``bench/applications_speed.py [--applications N] [--requests R]``.

1. Creates a fresh database next to DATABASE_URL (``<name>_applications_bench`` on PostgreSQL; a
   temporary SQLite file otherwise), migrates it, loads Banyuwangi's regions and offices, and creates
   three services (village letter, village→agency, MPP agency) and N applications (default 200,000)
   spread over every village of the regency with a realistic status mix, due dates around today and
   ``current_office`` set as the workflow engine sets it (bulk inserts, no per-row services).
   Applicants are visitors (name, NIK, birth date on the application) so that the registry is not
   needed; the pages measured read only the application tables.
2. With Django's test client (the whole request path), requests each page R times after a warm-up:
   baseline ``/healthz``; the work queue of Desa Sarongan's operator (new, overdue); the work queue
   of Dispendukcapil's officer (new, due soon) — the agency has a share of all applications; the
   public status page (reference + birth date, POST); the staff API list (cursor page).
3. Prints p50/p95 in ms and the p95 ratio to the baseline measured in the same run.
   Targets from the issue: work queue p95 < 150 ms, public status page p95 < 50 ms.
"""

import argparse
import datetime as dt
import random
import time

import harness


def build(n, rng):
    from balai.accounts.models import Membership, Office, Role, User
    from balai.applications.models import REFERENCE_ALPHABET, Application
    from balai.regions.models import Region
    from balai.services.models import Service

    agency = Office.objects.get(code="dispendukcapil")
    other_agency = Office.objects.get(code="dpmptsp")
    hall = Office.objects.get(code="mpp")
    services = [
        Service.objects.create(code="sktm", name="Surat Keterangan Tidak Mampu", agency=agency, level="village",
                               workflow="village_letter", letter_type="sktm", processing_days=1,
                               channels=["online", "village"]),
        Service.objects.create(code="akta-lahir", name="Akta Kelahiran", agency=agency, workflow="village_to_agency",
                               processing_days=3, channels=["online", "village", "counter"]),
        Service.objects.create(code="nib", name="Nomor Induk Berusaha", agency=other_agency, workflow="agency",
                               processing_days=5, channels=["counter"]),
    ]
    villages = list(Region.objects.villages().filter(code__startswith="35.10.").values_list("code", flat=True))
    village_office = dict(Office.objects.filter(kind="village").values_list("region_id", "id"))
    district_office = dict(Office.objects.filter(kind="district").values_list("region_id", "id"))
    today = dt.date.today()
    now = time.time()
    seen = set()
    status_for = {
        "village_letter": [("submitted", "v"), ("verified", "v"), ("checked", "v"), ("ready", "v"),
                           ("collected", None), ("returned", None)],
        "village_to_agency": [("submitted", "v"), ("verified", "d"), ("approved", "a"), ("processing", "a"),
                              ("ready", "a"), ("collected", None)],
        "agency": [("submitted", "h"), ("processing", "a"), ("ready", "a"), ("collected", None), ("rejected", None)],
    }
    batch, created, sample = [], 0, []
    for i in range(n):
        service = services[i % 3]
        village = villages[rng.randrange(len(villages))]
        status, who = status_for[service.workflow][rng.randrange(len(status_for[service.workflow]))]
        office = {"v": village_office.get(village), "d": district_office.get(village[:8]),
                  "a": service.agency_id, "h": hall.id, None: None}[who]
        while True:
            raw = "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(8))
            if raw not in seen:
                seen.add(raw)
                break
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(20000))
        app = Application(
            reference=f"{raw[:4]}-{raw[4:]}", service=service, agency_id=service.agency_id, workflow=service.workflow,
            applicant_name=f"Pemohon {i}", applicant_nik=f"3510{i:012d}", applicant_birth_date=birth,
            village_id=village, channel="counter" if service.workflow == "agency" else "village", status=status,
            current_office_id=office, due_date=today + dt.timedelta(days=rng.randrange(-20, 15)), data={"keperluan": "x"},
        )
        batch.append(app)
        if i % 997 == 0:
            sample.append((app.reference, birth.isoformat()))
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            created += len(batch)
            batch = []
    if batch:
        Application.objects.bulk_create(batch)
        created += len(batch)
    operator = User.objects.create_user("bench-operator", password="x")
    Membership.objects.create(user=operator, office=Office.objects.get(code="desa-3510012001"), role=Role.OPERATOR)
    officer = User.objects.create_user("bench-officer", password="x")
    Membership.objects.create(user=officer, office=agency, role=Role.AGENCY_OFFICER)
    return created, time.time() - now, sample, operator, officer


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--applications", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=100, help="requests per page (default 100)")
    args = parser.parse_args()

    connection = harness.setup_django(harness.bench_database("applications_bench"))
    from django.conf import settings

    # The status page is POSTed R times from one address: lift its attempt limit (balai/core/ratelimit.py)
    # for the run, as the API's rate above; this measures the page, not the limiter.
    settings.BALAI_ATTEMPT_LIMITS = {"track": (10**9, 600)}
    from django.test import Client

    harness.load_banyuwangi()
    rng = random.Random(2026)
    created, seconds, sample, operator, officer = build(args.applications, rng)
    harness.analyze(connection)
    print(f"Database: {connection.vendor}; {created} applications inserted in {seconds:.1f} s")

    anonymous, op, off = Client(), Client(), Client()
    op.force_login(operator)
    off.force_login(officer)
    pages = [
        ("baseline /healthz", anonymous, "get", "/healthz", {}),
        ("antrean desa: baru", op, "get", "/antrean-kerja/", {"tab": "new"}),
        ("antrean desa: terlambat", op, "get", "/antrean-kerja/", {"tab": "overdue"}),
        ("antrean instansi: baru", off, "get", "/antrean-kerja/", {"tab": "new"}),
        ("antrean instansi: jatuh tempo", off, "get", "/antrean-kerja/", {"tab": "due"}),
        ("API daftar (instansi)", off, "get", "/api/v1/applications/", {}),
    ]
    rows = []
    for label, client, method, path, params in pages:
        def request(_i, client=client, method=method, path=path, params=params):
            response = getattr(client, method)(path, params)
            assert response.status_code == 200, (path, response.status_code)

        rows.append((label, *harness.timed(request, args.requests, warmup=5)))

    def track(i):
        reference, birth = sample[i % len(sample)]
        response = anonymous.post("/lacak/", {"reference": reference, "birth_date": birth})
        assert response.status_code == 200 and reference.encode() in response.content

    rows.append(("status publik /lacak/ (POST)", *harness.timed(track, args.requests, warmup=5)))

    harness.RatioTable("halaman", label_width=34).rows(rows)
    queue_worst = max(p95 for label, _, p95 in rows if label.startswith("antrean"))
    print(f"Slowest work queue p95: {queue_worst:.1f} ms (target < 150 ms): {'OK' if queue_worst < 150 else 'OVER'}")
    print(f"Status page p95: {rows[-1][2]:.1f} ms (target < 50 ms): {'OK' if rows[-1][2] < 50 else 'OVER'}")


if __name__ == "__main__":
    main()
