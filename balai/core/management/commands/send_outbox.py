from django.core.management.base import BaseCommand

from balai.core.outbox import outbox_send_due, outbox_sweep_forever


class Command(BaseCommand):
    help = "Kirim notifikasi yang sudah jatuh waktu (percobaan ulang, pengiriman yang terputus)."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=0, metavar="DETIK",
                            help="ulangi setiap sekian detik (default: sekali lalu berhenti)")

    def handle(self, *args, every=0, **options):
        if every > 0:
            outbox_sweep_forever(every)
            return
        counts = outbox_send_due()
        self.stdout.write(f"terkirim {counts['sent']}, dicoba lagi nanti {counts['queued']}, gagal {counts['failed']}")
