"""balai generate_population --people N --seed S [--out FILE] [--village CODE ...]"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from balai.regions.loading import load_regions
from balai.registry.generator import generate, insert_population, regency_villages, write_csv
from balai.registry.models import Family
from balai.registry.statistics import population_summary_refresh


class Command(BaseCommand):
    help = "Membuat penduduk sintetis Banyuwangi yang masuk akal (deterministik per seed)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", help="Tulis CSV format impor ke berkas ini (tanpa menyimpan ke basis data).")
        parser.add_argument("--village", nargs="*", default=None, help="Kode desa, mis. 35.10.01.2001")
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--no-summary", action="store_true", help="Jangan perbarui ringkasan statistik.")

    def handle(self, *args, people, seed, out, village, batch, no_summary, **options):
        if people <= 0:
            raise CommandError("--people harus lebih dari 0.")
        villages = regency_villages(village, settings.BALAI_REGENCY)
        if not villages and not village:
            load_regions(settings.BALAI_REGENCY)
            villages = regency_villages(None, settings.BALAI_REGENCY)
        if not villages:
            raise CommandError("Tidak ada desa yang cocok. Muat wilayah dulu: balai load_regions.")
        started = time.perf_counter()
        if out:
            count = write_csv(generate(people=people, seed=seed, villages=villages), out)
            self.stdout.write(f"{count} penduduk ditulis ke {out} dalam {time.perf_counter() - started:.1f} s.")
            return
        first = next(generate(people=1, seed=seed, villages=villages[:1] if len(villages) == 1 else villages))
        if Family.objects.filter(kk_number=first["kk_number"]).exists():
            raise CommandError("Penduduk dengan seed ini sudah ada di basis data; pakai seed lain.")

        def progress(done, total):
            self.stdout.write(f"  {done}/{total}")

        count = insert_population(people=people, seed=seed, villages=villages, batch_people=batch,
                                  progress=progress if options.get("verbosity", 1) > 1 else None)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{count} penduduk dimuat dalam {elapsed:.1f} s ({count / max(elapsed, 1e-9):,.0f}/s).")
        if not no_summary:
            rows = population_summary_refresh()
            self.stdout.write(f"Ringkasan statistik diperbarui ({rows} baris).")
