"""The bridge from the application workflow: when the village head signs a village-letter application
(checked → ready), the letter is issued inside the same transaction. If issuing fails, the signing
transition is refused and nothing changes."""

from django.core.exceptions import ValidationError

from .models import Letter
from .services import holder_from_person, letter_issue

SIGN_FROM, SIGN_TO = "checked", "ready"


def holder_from_application(application) -> dict:
    if application.applicant_id:
        return holder_from_person(application.applicant)
    return {"name": application.applicant_name, "nik": application.applicant_nik,
            "birth_date": application.applicant_birth_date.isoformat() if application.applicant_birth_date else ""}


def issue_letter_on_signing(*, application, from_status, to_status, actor=None, membership=None, **kwargs):
    if application.workflow != "village_letter" or from_status != SIGN_FROM or to_status != SIGN_TO:
        return
    if Letter.objects.filter(application=application).exists():
        return
    letter_type = application.service.letter_type
    if not letter_type:
        raise ValidationError("Layanan ini belum menentukan jenis surat desa; hubungi administrator.")
    if application.village_id is None:
        raise ValidationError("Permohonan ini tidak memiliki desa asal, sehingga surat tidak dapat diterbitkan.")
    data = dict(application.data or {})
    letter_issue(letter_type=letter_type, village=application.village, holder=holder_from_application(application),
                 data=data, purpose=data.get("keperluan", ""), person=application.applicant,
                 application=application, signer_user=actor, membership=membership)
