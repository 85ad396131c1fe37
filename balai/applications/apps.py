from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "balai.applications"
    label = "applications"
    verbose_name = _("Permohonan")

    def ready(self):
        from balai.accounts import permissions as perms
        from balai.core.demo import register_demo_step
        from balai.core.nav import NavItem, PortalTile, register, register_tile
        from balai.core.workflow import register_enter_hook
        from balai.services.models import SERVICE_WORKFLOWS

        from .demo import demo_step
        from .hooks import run_transition_hooks
        from .services import register_application_scopes
        from .workflows import register_workflows

        register_workflows()
        register_application_scopes()
        register_enter_hook(run_transition_hooks, status=None, family=SERVICE_WORKFLOWS)
        register_demo_step(30, "Permohonan contoh", demo_step)
        register(NavItem(_("Antrean kerja"), "applications:queue", perms.staff, 20))
        register(NavItem(_("Kinerja layanan"), "applications:sla", perms.staff, 30))
        register(NavItem(_("Pengaduan masuk"), "applications:complaints", perms.staff, 40))
        register(NavItem(_("Permohonan saya"), "applications:mine", perms.citizen, 20))
        register_tile(PortalTile(_("Lacak permohonan"),
                                 _("Masukkan nomor permohonan dan tanggal lahir untuk melihat statusnya."),
                                 "applications:track", 20))
        register_tile(PortalTile(_("Indeks kepuasan"), _("Hasil survei kepuasan masyarakat per layanan."),
                                 "applications:ikm", 60))
        register_tile(PortalTile(_("Pengaduan"), _("Sampaikan keluhan tentang layanan, boleh tanpa nama."),
                                 "applications:complaint_new", 70))
