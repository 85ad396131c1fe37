from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QueuesConfig(AppConfig):
    name = "balai.queues"
    label = "queues"
    verbose_name = _("Antrean")

    def ready(self):
        from balai.core.demo import register_demo_step
        from balai.core.nav import NavItem, PortalTile, register, register_tile

        from .demo import demo_step
        from .views import analytics_access, console_access
        from .workflows import register as register_ticket_workflow

        register_ticket_workflow()
        register(NavItem(_("Konsol loket"), "queues:console_home", console_access, 40))
        register(NavItem(_("Analitik antrean"), "queues:analytics", analytics_access, 45))
        register_tile(PortalTile(
            _("Ambil antrean MPP"),
            _("Ambil nomor atau booking jadwal di Mal Pelayanan Publik, lalu pantau antrean dari HP Anda."),
            "queues:home", 20,
        ))
        register_demo_step(40, "Antrean MPP", demo_step)
