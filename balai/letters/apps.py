from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "balai.letters"
    label = "letters"
    verbose_name = _("Surat")

    def ready(self):
        from balai.applications.hooks import register_status_links, register_transition_hook
        from balai.core.nav import NavItem, register

        from .hooks import issue_letter_on_signing, letter_status_links
        from .permissions import letter_viewer

        register(NavItem(_("Surat desa"), "letters:list", letter_viewer, 40))
        register_transition_hook(issue_letter_on_signing)
        register_status_links(letter_status_links)
