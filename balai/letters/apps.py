from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "balai.letters"
    label = "letters"
    verbose_name = _("Surat")

    def ready(self):
        from balai.applications.hooks import register_signing_prompt, register_status_links
        from balai.applications.workflows import READY
        from balai.core.demo import register_demo_step
        from balai.core.nav import NavItem, register
        from balai.core.workflow import register_enter_hook
        from balai.services.models import ISSUES_VILLAGE_LETTER

        from .hooks import issue_letter_on_signing, letter_status_links
        from .permissions import letter_viewer

        register(NavItem(_("Surat desa"), "letters:list", letter_viewer, 40))
        register_enter_hook(issue_letter_on_signing, status=READY, flag=ISSUES_VILLAGE_LETTER)
        register_status_links(letter_status_links)
        register_signing_prompt(signer_needs_passphrase)
        register_demo_step(35, "Surat desa", demo_step)


def signer_needs_passphrase() -> bool:
    from .signing import get_signer

    return getattr(get_signer(), "needs_passphrase", False)


def demo_step(*, stdout=None, people=0, seed=0) -> str:
    """Letters come from the demo applications the head signs (step 30); this step makes sure the
    letter types exist and shows where to verify one. Idempotent."""
    from .catalogue import letter_types_ensure
    from .models import Letter

    letter_types_ensure()
    letter = Letter.objects.order_by("id").first()
    if letter is None:
        return "belum ada surat terbit"
    return f"{Letter.objects.count()} surat terbit; contoh verifikasi: {letter.verification_url()}"
