from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balai.accounts"
    label = "accounts"
    verbose_name = "Akun dan kantor"

    def ready(self):
        # Regions, below accounts, asks who may change a village's dusun/RW/RT through this test.
        from balai.regions.services import register_unit_manager

        from . import permissions as perms

        register_unit_manager(lambda membership: perms.holds(perms.manage_village_units, membership))
