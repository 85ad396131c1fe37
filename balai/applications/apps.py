from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _days_off(start, end, region_code):
    from django.db.models import Q

    from .models import DayOff

    parts = region_code.split(".") if region_code else []
    ancestors = [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    return set(DayOff.objects.filter(Q(region__isnull=True) | Q(region_id__in=ancestors),
                                     date__gte=start, date__lte=end).values_list("date", flat=True))


class ApplicationsConfig(AppConfig):
    name = "balai.applications"
    label = "applications"
    verbose_name = _("Permohonan")

    def ready(self):
        from balai.accounts import permissions as perms
        from balai.core.calendar import register_days_off_provider
        from balai.core.demo import register_demo_step
        from balai.core.nav import NavItem, PortalTile, register, register_tile

        from .demo import demo_step

        register_days_off_provider(_days_off)
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
