from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _region_exists(code: str) -> bool:
    from .models import Region

    return Region.objects.filter(code=code).exists()


class RegionsConfig(AppConfig):
    name = "balai.regions"
    label = "regions"
    verbose_name = _("Wilayah")

    def ready(self):
        from balai.core.calendar import register_region_check

        register_region_check(_region_exists)  # DayOff rows name a region that exists
