import time

from django.core.management.base import BaseCommand, CommandError

from balai.regions.loading import load_regions


class Command(BaseCommand):
    help = "Muat daftar wilayah Kemendagri 2025: satu kabupaten (mis. 35.10) beserta induknya, atau --all."

    def add_arguments(self, parser):
        parser.add_argument("code", nargs="?", help="kode wilayah, mis. 35.10")
        parser.add_argument("--all", action="store_true", help="muat seluruh Indonesia (91.599 wilayah)")

    def handle(self, *args, code=None, all=False, **options):
        if not code and not all:
            raise CommandError("Sebutkan kode wilayah (mis. 35.10) atau --all.")
        started = time.monotonic()
        try:
            result = load_regions(None if all else code)
        except ValueError as exc:
            raise CommandError(str(exc))
        self.stdout.write(
            f"{result.total} wilayah: {result.created} baru, {result.renamed} berganti nama, "
            f"{result.unchanged} tidak berubah ({time.monotonic() - started:.1f} detik)."
        )
