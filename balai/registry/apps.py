from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "balai.registry"
    label = "registry"
    verbose_name = _("Kependudukan")

    def ready(self):
        from balai.core.demo import register_demo_step
        from balai.core.nav import NavItem, PortalTile, register, register_tile

        from . import permissions as rperms
        from .demo import demo_step

        register(NavItem(_("Penduduk"), "registry:search", rperms.read_persons, 20))
        register(NavItem(_("Statistik"), "registry:statistics", rperms.view_statistics, 25))
        register(NavItem(_("Data kependudukan saya"), "registry:my_record", rperms.citizen, 20))
        register_tile(PortalTile(
            _("Data kependudukan saya"),
            _("Tautkan akun Anda dengan NIK, nomor KK dan tanggal lahir, lalu lihat data diri dan keluarga Anda."),
            "registry:my_record", 20,
        ))
        register_demo_step(20, "Penduduk sintetis", demo_step)

        from balai.core.tasks import on_stale, register_sweep

        from .importing.services import KIND, cleanup_stale_uploads, delete_upload

        on_stale(KIND, delete_upload)
        register_sweep(cleanup_stale_uploads)
