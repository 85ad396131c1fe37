from django.core.management.base import BaseCommand

from balai.registry.statistics import population_summary_refresh


class Command(BaseCommand):
    help = "Memperbarui ringkasan statistik penduduk per desa (untuk halaman statistik kecamatan/kabupaten)."

    def add_arguments(self, parser):
        parser.add_argument("--region", default=None, help="Hanya wilayah ini (kode), mis. 35.10.01")

    def handle(self, *args, region, **options):
        rows = population_summary_refresh(prefix=region)
        self.stdout.write(f"{rows} baris ringkasan.")
