from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "balai.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from balai.accounts import permissions as perms
        from balai.core.nav import NavItem, register

        def own_village(request):
            m = request.membership
            return {"code": m.office.region_id} if m and m.office.kind == "village" else None

        def own_office(request):
            m = request.membership
            return {"code": m.office.code} if m and m.office.kind != "village" else None

        register(NavItem(_("Desa saya"), "regions:village", perms.staff, 10, own_village))
        register(NavItem(_("Kantor saya"), "accounts:office", perms.staff, 10, own_office))
        register(NavItem(_("Wilayah"), "regions:list", perms.staff, 80))
        register(NavItem(_("Log akses"), "portal:access_log", perms.view_access_log, 90))
        register(NavItem(_("Admin"), "admin:index", perms.administrator, 99))
