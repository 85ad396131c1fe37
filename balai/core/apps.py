from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "balai.core"
    label = "core"
    verbose_name = _("Inti")

    def ready(self):
        from . import health  # noqa: F401 — registers the static-manifest deploy check
