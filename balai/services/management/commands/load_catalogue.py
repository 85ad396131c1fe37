from django.core.management.base import BaseCommand

from balai.services.catalogue import load_catalogue


class Command(BaseCommand):
    help = "Muat katalog layanan dari balai/services/data/catalogue.yaml (aman diulang)."

    def add_arguments(self, parser):
        parser.add_argument("--file", help="berkas YAML lain (bawaan: data/catalogue.yaml)")

    def handle(self, *args, file=None, **options):
        from pathlib import Path

        result = load_catalogue(Path(file) if file else None)
        self.stdout.write(f"Katalog: {result}")
