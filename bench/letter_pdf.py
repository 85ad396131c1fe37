"""Letter PDF speed: ``bench/letter_pdf.py [--runs N]``.

1. Creates a fresh database (``<name>_letters_bench`` on PostgreSQL when DATABASE_URL points there; a
   temporary SQLite file otherwise), migrates it, loads Banyuwangi's regions and offices, a village head.
2. Measures, N times each after a warm-up, in the same process:
   * baseline: WeasyPrint rendering a trivial HTML page to PDF (``balai.core.documents.html_to_pdf``);
   * letter render: the full SKTM letter (letterhead, holder table, body, QR code as SVG) to PDF;
   * letter issue: ``letter_issue`` end to end — lock and take the number, render, seal (SHA-256 +
     HMAC), store the PDF — one transaction per letter.
3. Prints p50/p95 in ms and the ratio to the baseline. Target from the issue: a letter PDF under 1 s.
"""

import argparse
import logging
import os
import tempfile

import harness


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    # Issued PDFs go to storage (MEDIA_ROOT): a throw-away directory for this run.
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="balai-bench-media-"))
    connection = harness.setup_django(harness.bench_database("letters_bench", default="sqlite://"),
                                      unthrottled_api=False, test_environment=False)

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.WARNING)  # its subsetting log drowns the table
    from django.utils import timezone

    from balai.accounts.demo import village_office_code
    from balai.accounts.models import Membership, Office, Role, User
    from balai.core.documents import html_to_pdf
    from balai.core.models import Document
    from balai.letters.models import Letter, LetterType
    from balai.letters.services import letter_issue, letter_render_pdf

    harness.load_banyuwangi()
    office = Office.objects.get(code=village_office_code("35.10.01.2001"))
    head = User.objects.create_user("bench-kades", password="x", first_name="Hadi Purnomo")
    membership = Membership.objects.create(user=head, office=office, role=Role.HEAD)
    holder = {"name": "Siti Aminah", "nik": "3510014101900001", "birth_place": "Banyuwangi",
              "birth_date": "1990-01-01", "sex": "Perempuan", "religion": "Islam", "occupation": "Petani/pekebun",
              "marital_status": "Kawin", "citizenship": "WNI", "address": "Jl. Pantai Rajegwesi No. 7, RT 001, RW 002"}
    data = {"keperluan": "Keringanan biaya rawat inap", "penghasilan": 900000, "tanggungan": 4}

    trivial = "<!DOCTYPE html><html><body><p>Halo, Banyuwangi.</p></body></html>"
    draft = Letter(letter_type=LetterType.objects.get(key="sktm"), village=office.region, office=office,
                   number="401/001/35.10.01.2001/I/2026", sequence=1, sequence_scope="401", year=2026,
                   issued_at=timezone.now(), holder_name=holder["name"], holder=holder, data=data,
                   purpose=data["keperluan"], signer=head, signer_name="Hadi Purnomo", signer_title="Kepala Desa",
                   signed_at=timezone.now())
    draft.document = Document(kind="letter")  # unsaved: gives the draft its verification token

    rows = [
        ("baseline: HTML sepele -> PDF", *harness.timed(lambda _i: html_to_pdf(trivial), args.runs, warmup=2)),
        ("render surat SKTM -> PDF", *harness.timed(lambda _i: letter_render_pdf(draft), args.runs, warmup=2)),
        ("terbitkan surat (nomor+PDF+segel+simpan)", *harness.timed(lambda _i: letter_issue(
            letter_type="sktm", village="35.10.01.2001", holder=holder, data=data, signer_user=head,
            membership=membership), args.runs, warmup=2)),
    ]
    size = len(bytes(Letter.objects.order_by("-id").first().pdf))
    print(f"Database: {connection.vendor}; runs per row: {args.runs}; letter PDF size {size / 1024:.0f} KiB")
    harness.RatioTable("langkah", label_width=44).rows(rows)
    worst = max(rows[1][2], rows[2][2])
    print(f"Letter PDF p95: {worst:.0f} ms (target < 1000 ms): {'OK' if worst < 1000 else 'OVER'}")


if __name__ == "__main__":
    main()
