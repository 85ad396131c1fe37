from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Kompilasi berkas terjemahan .po menjadi .mo (tanpa gettext sistem)."

    def handle(self, *args, **options):
        count = 0
        from django.apps import apps

        dirs = [Path(d) for d in settings.LOCALE_PATHS]
        dirs += [Path(app.path) / "locale" for app in apps.get_app_configs() if app.name.startswith("balai.")]
        for locale_dir in dirs:
            for po_path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
                po = polib.pofile(str(po_path))
                po.save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"{po_path}: {po.percent_translated()}% diterjemahkan")
        self.stdout.write(f"{count} berkas terjemahan dikompilasi.")
