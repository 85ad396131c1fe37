from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "balai.services"
    label = "services"
    verbose_name = _("Katalog layanan")

    def ready(self):
        from balai.accounts import permissions as perms
        from balai.core.demo import register_demo_step
        from balai.core.nav import NavItem, PortalTile, register, register_tile

        from .catalogue import demo_step

        register(NavItem(_("Katalog layanan"), "services:index", perms.staff, 30))
        register_tile(PortalTile(
            _("Katalog layanan"),
            _("Ratusan layanan dari puluhan instansi di satu atap: persyaratan, waktu, biaya, dan cara mengajukan."),
            "services:index", 10,
        ))
        register_demo_step(10, "Katalog layanan", demo_step)
