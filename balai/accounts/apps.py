from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "balai.accounts"
    label = "accounts"
    verbose_name = "Akun dan kantor"

    def ready(self):
        from .workflow_scopes import register_office_scopes

        register_office_scopes()  # the who-acts scopes of workflows (balai.core.workflow)
