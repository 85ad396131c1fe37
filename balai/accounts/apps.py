from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _village_office(village):
    from .models import Office

    return Office.objects.filter(region=village, kind=Office.Kind.VILLAGE).first()


class AccountsConfig(AppConfig):
    name = "balai.accounts"
    label = "accounts"
    verbose_name = _("Akun dan kantor")

    def ready(self):
        # core and regions sit below accounts and never import it: accounts registers what they need.
        from balai.core import access
        from balai.regions.hooks import register_village_office
        from balai.regions.services import register_unit_manager

        from . import permissions
        from .workflow_scopes import register_office_scopes

        for name, value in vars(permissions).items():
            if isinstance(value, access.Predicate):
                access.register(name, value)  # core.access.named("staff"), named("administrator"), ...
        access.register("covers", permissions.covers)
        register_village_office(_village_office)
        register_office_scopes()  # the who-acts scopes of workflows (balai.core.workflow)
        # Regions, below accounts, asks who may change a village's dusun/RW/RT through this test.
        register_unit_manager(lambda membership: permissions.holds(permissions.manage_village_units, membership))
