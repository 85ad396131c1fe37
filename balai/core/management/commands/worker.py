import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Jalankan pekerja tugas latar belakang (django-tasks, antrean database)."

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default="*", help="antrean yang dikerjakan (default: semua)")
        parser.add_argument("--batch", action="store_true", help="berhenti bila antrean kosong")

    def handle(self, *args, queue_name="*", batch=False, **options):
        from balai.core.outbox import outbox_send_due, outbox_sweep_forever

        every = settings.BALAI_OUTBOX_SWEEP_SECONDS
        if batch:
            outbox_send_due()  # one sweep of the notification outbox, then the task queue
        elif every > 0:
            # Retries and sends cut short by a crash are picked up by this sweep; claims are safe
            # with several workers (see balai/core/outbox.py).
            threading.Thread(target=outbox_sweep_forever, args=(every,), name="outbox-sweep", daemon=True).start()
        from balai.core.tasks import run_sweeps, sweep_forever

        if batch:
            run_sweeps()
        else:
            # Jobs whose worker died are marked failed, and their uploads deleted (balai/core/tasks.py).
            threading.Thread(target=sweep_forever, args=(60,), name="task-sweep", daemon=True).start()
        args = ["--queue-name", queue_name, "--no-startup-delay"] + (["--batch"] if batch else [])
        call_command("db_worker", *args, verbosity=options.get("verbosity", 1))
