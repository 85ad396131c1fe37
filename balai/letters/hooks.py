"""The bridge from the application workflow: when an application of a workflow that issues a village
letter (flag ``ISSUES_VILLAGE_LETTER``) enters ``ready`` — the village head signed it — the letter is
issued inside the same transaction (a hook on entering the status, registered with the workflow engine
in ``LettersConfig.ready()``). If issuing fails, the signing transition is refused and nothing
changes."""

from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from balai.applications.workflows import COLLECTED, READY, get_workflow
from balai.core.documents.kinds import DocumentFacts
from balai.services.models import ISSUES_VILLAGE_LETTER

from .formatting import mask_name
from .models import Letter
from .services import holder_from_person, letter_issue


def holder_from_application(application) -> dict:
    if application.applicant_id:
        return holder_from_person(application.applicant)
    return {"name": application.applicant_name, "nik": application.applicant_nik,
            "birth_date": application.applicant_birth_date.isoformat() if application.applicant_birth_date else ""}


def issue_letter_on_signing(*, subject, workflow, to_status, who, signer_options=None, **kwargs):
    """Engine hook on entering ``ready`` in a letter-issuing workflow."""
    if not workflow.has(ISSUES_VILLAGE_LETTER) or to_status != READY:
        return
    application, actor, membership = subject, who.get("user"), who.get("membership")
    if Letter.objects.filter(application=application).exists():
        return
    letter_type = application.service.letter_type
    if not letter_type:
        raise ValidationError(_("Layanan ini belum menentukan jenis surat desa; hubungi administrator."))
    if application.village_id is None:
        raise ValidationError(_("Permohonan ini tidak memiliki desa asal, sehingga surat tidak dapat diterbitkan."))
    data = dict(application.data or {})
    letter_issue(letter_type=letter_type, village=application.village, holder=holder_from_application(application),
                 data=data, purpose=data.get("keperluan", ""), person=application.applicant,
                 application=application, signer_user=actor, membership=membership, signer_options=signer_options)


def describe_letter(document) -> DocumentFacts:
    """How the public verification page describes a letter (document kind ``letter``)."""
    from django.utils import timezone

    letter = Letter.objects.select_related("letter_type", "office").get(document=document)
    return DocumentFacts(title=letter.letter_type.title, number=letter.number,
                         issued_on=timezone.localtime(letter.issued_at).date(), issuing_office=letter.office.name,
                         signer=f"{letter.signer_name} ({letter.signer_title})",
                         holder_masked=mask_name(letter.holder_name))


DOWNLOAD_SALT = "letters.download_public"
DOWNLOAD_LINK_MAX_AGE = 2 * 3600


def download_link(application) -> str:
    """A signed, expiring download link for the application's letter. Only pages that already proved
    the visitor may see the application (the status page after reference + birth date, the detail page
    for its owner and scoped staff) show it."""
    key = signing.dumps(str(application.public_id), salt=DOWNLOAD_SALT)
    return reverse("letters:download_public", kwargs={"token": application.public_id}) + f"?k={key}"


def download_link_valid(application, key: str) -> bool:
    try:
        return signing.loads(key, salt=DOWNLOAD_SALT, max_age=DOWNLOAD_LINK_MAX_AGE) == str(application.public_id)
    except signing.BadSignature:
        return False


def letter_status_links(application):
    """The "download the letter" button on the application's status and detail pages."""
    if not get_workflow(application.workflow).has(ISSUES_VILLAGE_LETTER) or application.status not in (READY, COLLECTED):
        return []
    if not Letter.objects.filter(application=application, document__status=Letter.Status.VALID).exists():
        return []
    return [(_("Unduh surat (PDF)"), download_link(application))]
