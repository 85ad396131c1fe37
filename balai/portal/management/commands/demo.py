import time

from django.conf import settings
from django.core.management.base import BaseCommand

from balai.accounts.demo import DEMO_ADMIN_TOTP_BASE32, DEMO_PASSWORD, ensure_demo_users, ensure_offices
from balai.core.demo import demo_steps
from balai.regions.loading import load_regions


class Command(BaseCommand):
    help = "Muat data demo Banyuwangi: wilayah, kantor, pengguna per peran, dan data modul lain. Aman diulang."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=20000, help="jumlah penduduk sintetis (default 20.000)")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, people=20000, seed=2026, **options):
        started = time.monotonic()
        result = load_regions(settings.BALAI_REGENCY)
        self.stdout.write(f"Wilayah: {result.created} baru, {result.unchanged + result.renamed} sudah ada.")
        offices = ensure_offices()
        self.stdout.write(f"Kantor: {offices['created']} baru, {offices['total']} seluruhnya.")
        users = ensure_demo_users()
        for _order, name, step in demo_steps():
            step_started = time.monotonic()
            message = step(stdout=self.stdout, people=people, seed=seed)
            self.stdout.write(f"{name}: {message or 'selesai'} ({time.monotonic() - step_started:.1f} detik)")
        self.stdout.write("")
        self.stdout.write(f"Akun demo (kata sandi untuk semua: {DEMO_PASSWORD}):")
        for username, role, office in users:
            self.stdout.write(f"  {username:<18} {role:<18} {office}")
        self.stdout.write(f"  Kode TOTP admin: kunci {DEMO_ADMIN_TOTP_BASE32} (masukkan ke aplikasi autentikator)")
        self.stdout.write(f"Selesai dalam {time.monotonic() - started:.1f} detik.")
