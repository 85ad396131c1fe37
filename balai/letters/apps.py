from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "balai.letters"
    label = "letters"
    verbose_name = _("Surat")

    def ready(self):
        from django.db.models.signals import post_migrate

        from balai.applications.hooks import register_signing_prompt, register_status_links
        from balai.applications.workflows import READY
        from balai.core.choices import register_choices
        from balai.core.demo import register_demo_step
        from balai.core.documents.kinds import DocumentKind, register_kind
        from balai.core.nav import NavItem, register
        from balai.core.workflow import register_enter_hook
        from balai.services.models import ISSUES_VILLAGE_LETTER

        from .catalogue import letter_type_choices
        from .hooks import describe_letter, issue_letter_on_signing, letter_status_links
        from .permissions import letter_viewer

        register(NavItem(_("Surat desa"), "letters:list", letter_viewer, 40))
        register_enter_hook(issue_letter_on_signing, status=READY, flag=ISSUES_VILLAGE_LETTER)
        register_choices("letter_type", letter_type_choices)
        register_kind(DocumentKind(key="letter", describe=describe_letter))
        post_migrate.connect(sync_letter_types, sender=self, dispatch_uid="letters.sync_letter_types")
        register_status_links(letter_status_links)
        register_signing_prompt(signer_needs_passphrase)
        register_demo_step(35, "Surat desa", demo_step)


def sync_letter_types(*, using="default", apps=None, **kwargs):
    """After every ``migrate``: a ``LetterType`` row for each declared letter type (balai/letters/catalogue.py)."""
    from .catalogue import letter_types_ensure

    model = apps.get_model("letters", "LetterType") if apps is not None else None
    letter_types_ensure(model, using=using)


def signer_needs_passphrase() -> bool:
    from balai.core.documents.signing import get_signer

    return getattr(get_signer(), "needs_passphrase", False)


def demo_step(*, stdout=None, people=0, seed=0) -> str:
    """Letters come from the demo applications the head signs (step 30); this step makes sure the
    letter types exist and shows where to verify one. Idempotent."""
    from django.utils.translation import gettext

    from .catalogue import letter_types_ensure
    from .models import Letter

    letter_types_ensure()
    letter = Letter.objects.order_by("id").first()
    if letter is None:
        return gettext("belum ada surat terbit")
    return gettext("%(count)s surat terbit; contoh verifikasi: %(url)s") % {"count": Letter.objects.count(),
                                                                     "url": letter.verification_url()}
