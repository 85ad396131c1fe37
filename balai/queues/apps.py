from django.apps import AppConfig


class QueuesConfig(AppConfig):
    name = "balai.queues"
    label = "queues"
    verbose_name = "Antrean"
