from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Jalankan pekerja tugas latar belakang (django-tasks, antrean database)."

    def add_arguments(self, parser):
        parser.add_argument("--queue-name", default="*", help="antrean yang dikerjakan (default: semua)")
        parser.add_argument("--batch", action="store_true", help="berhenti bila antrean kosong")

    def handle(self, *args, queue_name="*", batch=False, **options):
        args = ["--queue-name", queue_name, "--no-startup-delay"] + (["--batch"] if batch else [])
        call_command("db_worker", *args, verbosity=options.get("verbosity", 1))
