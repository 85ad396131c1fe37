from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "balai.registry"
    label = "registry"
    verbose_name = "Kependudukan"
