"""``balai import_population FILE [--village CODE] [--partial] [--dry-run]``: import residents from
Balai's template (CSV/XLSX) or from OpenSID's workbook (XLSX/XLSM), upserting by NIK."""

import json

from django.core.management.base import BaseCommand, CommandError

from balai.registry.importing.engine import population_import, refresh_statistics


class Command(BaseCommand):
    help = "Impor penduduk dari CSV/XLSX (templat Balai) atau buku kerja OpenSID; upsert menurut NIK."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--village", help="Kode desa tujuan, mis. 35.10.01.2001 (wajib untuk berkas OpenSID).")
        parser.add_argument("--partial", action="store_true",
                            help="Simpan baris yang benar dan laporkan sisanya (bawaan: semua atau tidak sama sekali).")
        parser.add_argument("--dry-run", action="store_true", help="Hanya periksa; tidak menyimpan apa pun.")
        parser.add_argument("--json", action="store_true", help="Cetak laporan lengkap sebagai JSON.")
        parser.add_argument("--show", type=int, default=50, help="Jumlah masalah yang dicetak (bawaan 50).")

    def handle(self, *args, **options):
        try:
            with open(options["file"], "rb") as handle:
                report = population_import(source=handle, village_code=options["village"],
                                           partial=options["partial"], dry_run=options["dry_run"])
        except OSError as exc:
            raise CommandError(f"Berkas tidak dapat dibuka: {exc}")
        refreshed = refresh_statistics(report)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, default=str))
        else:
            self.stdout.write(f"Format: {report.layout}; baris data: {report.rows}")
            for problem in report.errors[: options["show"]]:
                self.stdout.write(f"KESALAHAN  {problem.as_text()}")
            if report.error_count > options["show"]:
                self.stdout.write(f"… dan {report.error_count - options['show']} kesalahan lain")
            for problem in report.warnings[: options["show"]]:
                self.stdout.write(f"PERINGATAN {problem.as_text()}")
            if report.warning_count > options["show"]:
                self.stdout.write(f"… dan {report.warning_count - options['show']} peringatan lain")
            self.stdout.write(report.summary())
            if refreshed is not None:
                self.stdout.write(f"Statistik penduduk diperbarui untuk wilayah {refreshed or 'seluruhnya'}.")
        if report.error_count and not report.written and not options["dry_run"]:
            raise CommandError("Impor gagal; tidak ada yang disimpan.")
