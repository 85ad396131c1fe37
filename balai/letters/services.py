"""Writes for letters: issue (number, render, sign, store in one transaction), revoke, and the log of
public verifications. Rendering, signing, storing, verifying and revoking are the core document
pipeline (``balai.core.documents``); a letter is its document kind ``letter``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.accounts.models import Office, Role
from balai.core.documents import html_to_pdf, qr_svg_data_uri
from balai.core.documents.services import document_check_record, document_revoke, document_store
from balai.core.documents.signing import get_signer
from balai.core.models import Document, DocumentCheck, new_verification_token
from balai.regions.models import Kind, Region

from . import numbering
from .catalogue import detail_rows, is_cover_letter, letter_types_ensure
from .formatting import tanggal_indonesia
from .models import Letter, LetterType, OutgoingMail

DOCUMENT_KIND = "letter"


def _display(obj, field):
    getter = getattr(obj, f"get_{field}_display", None)
    if getter is not None:
        return str(getter() or "")
    value = getattr(obj, field, "")
    return "" if value is None else str(value)


def holder_from_person(person) -> dict:
    """The holder's data as printed on a letter, read from a registry person (snapshot)."""
    birth_date = getattr(person, "birth_date", None)
    family = getattr(person, "family", None)
    parts = [family.address] if family is not None and family.address else []
    rt = getattr(person, "rt", None) or (getattr(family, "rt", None) if family is not None else None)
    rw = rt.parent if rt is not None else None
    dusun = rw.parent if rw is not None else None
    for unit, label in ((rt, "RT"), (rw, "RW"), (dusun, "Dusun")):
        if unit is not None:
            parts.append(f"{label} {unit.name}")
    village = getattr(person, "village", None)
    if village is not None:
        parts.append(f"{'Kelurahan' if village.kind == Kind.URBAN_VILLAGE else 'Desa'} {village.name}")
    return {
        "name": person.name,
        "nik": getattr(person, "nik", "") or "",
        "birth_place": getattr(person, "birth_place", "") or "",
        "birth_date": birth_date.isoformat() if birth_date else "",
        "sex": _display(person, "sex"),
        "religion": _display(person, "religion"),
        "occupation": _display(person, "occupation"),
        "marital_status": _display(person, "marital_status"),
        "citizenship": _display(person, "citizenship") or "WNI",
        "address": ", ".join(parts),
    }


def _office_for_village(village: Region) -> Office:
    office = Office.objects.filter(kind=Office.Kind.VILLAGE, region=village).first()
    if office is None:
        raise ValidationError(_("Kantor desa untuk wilayah %(code)s belum terdaftar.") % {"code": village.code})
    return office


# The words printed on a letter (Desa/Kelurahan, RT, Kepala Desa …) are the official document's
# Indonesian text, not interface text: they stay Indonesian whatever language the issuing page uses.
def letter_context(letter: Letter) -> dict:
    village = letter.village
    district = village.parent
    regency = district.parent if district else None
    office = letter.office
    village_kind = "Kelurahan" if village.kind == Kind.URBAN_VILLAGE else "Desa"
    holder = dict(letter.holder)
    holder.setdefault("name", letter.holder_name)
    holder["birth_date_text"] = tanggal_indonesia(holder.get("birth_date", ""))
    return {
        "letter": letter,
        "letter_type": letter.letter_type,
        "number": letter.number,
        "holder": holder,
        "details": detail_rows(letter.letter_type.key, letter.data),
        "purpose": letter.purpose,
        "is_cover_letter": is_cover_letter(letter.letter_type.key),
        "regency_name": regency.name if regency else "",
        "district_name": district.name if district else "",
        "village_name": village.name,
        "village_kind": village_kind,
        "office_address": office.address or f"{village_kind} {village.name}, Kecamatan "
                                               f"{district.name if district else ''}, {regency.name if regency else ''}",
        "signer_title": letter.signer_title,
        "signer_name": letter.signer_name,
        "issued_date_text": tanggal_indonesia(timezone.localtime(letter.issued_at).date()),
        "verification_url": letter.verification_url(),
        "qr_data_uri": qr_svg_data_uri(letter.verification_url(), scale=6),
    }


def letter_render_pdf(letter: Letter) -> bytes:
    return html_to_pdf(render_to_string("letters/pdf/letter.html", letter_context(letter)))


def _check_signer(*, signer_user, membership, village: Region):
    if membership is None or membership.user_id != signer_user.pk or not membership.is_active:
        raise ValidationError(_("Penanda tangan harus bertindak melalui keanggotaan kantornya."))
    if membership.role != Role.HEAD or membership.office.kind != Office.Kind.VILLAGE \
            or membership.office.region_id != village.code:
        raise ValidationError(_("Surat desa hanya dapat ditandatangani oleh kepala desa/lurah desa tersebut."))


def letter_issue(*, letter_type, village, holder: dict, signer_user, membership, data=None, purpose="",
                 person=None, application=None, issued_at=None, signer_options=None) -> Letter:
    """Issue a letter: take the next number, render the PDF with its QR code, sign it and store it, all
    in one transaction (a failure anywhere leaves no letter and no used number)."""
    if isinstance(letter_type, str):
        letter_types_ensure()
        letter_type = LetterType.objects.get(key=letter_type)
    if isinstance(village, str):
        village = Region.objects.get(code=village)
    if not letter_type.is_active:
        raise ValidationError(_("Jenis surat %(title)s tidak aktif.") % {"title": letter_type.title})
    if not holder.get("name"):
        raise ValidationError(_("Nama pemegang surat wajib diisi."))
    _check_signer(signer_user=signer_user, membership=membership, village=village)
    office = membership.office
    issued_at = issued_at or timezone.now()
    local = timezone.localtime(issued_at)
    data = dict(data or {})
    purpose = purpose or data.get("keperluan") or letter_type.purpose_default
    signer = get_signer()
    with transaction.atomic():
        scope = numbering.sequence_scope(letter_type.classification_code)
        sequence = numbering.letter_sequence_next(village_code=village.code, scope=scope, year=local.year)
        number = numbering.format_number(classification_code=letter_type.classification_code, sequence=sequence,
                                         village_code=village.code, month=local.month, year=local.year)
        letter = Letter(
            letter_type=letter_type, village=village, office=office, number=number, sequence=sequence,
            sequence_scope=scope, year=local.year, issued_at=issued_at, holder_name=holder["name"],
            holder=holder, data=data, purpose=str(purpose)[:255], signer=signer_user,
            signer_name=signer_user.display_name(), signer_title=office.head_title or "Kepala Desa",
            signed_at=issued_at,
        )
        # The PDF prints the verification URL before the document row exists: an unsaved document
        # carries the token the stored one will have.
        token = new_verification_token()
        letter.document = Document(kind=DOCUMENT_KIND, verification_token=token)
        if person is not None:
            letter.person = person
        if application is not None:
            letter.application = application
        pdf = letter_render_pdf(letter)
        document = document_store(kind=DOCUMENT_KIND, pdf=pdf, token=token, signer=signer, signer_user=signer_user,
                                  office=office, signed_at=issued_at, signer_options=signer_options)
        letter.document = document
        letter.signed_at = document.signed_at
        letter.save()
    return letter


def letter_revoke(*, letter: Letter, actor, reason: str) -> Letter:
    """Revoke a letter: its document is marked revoked (the verification page then says so)."""
    letter.document = document_revoke(document=letter.document, actor=actor, reason=reason)
    return letter


def verification_record(*, letter: Letter, method: str, request=None, presented_bytes: bytes | None = None,
                        presented_sha256: str = "") -> DocumentCheck:
    """Log one public check of a letter's document (see ``document_check_record``)."""
    return document_check_record(document=letter.document, method=method, request=request,
                                 presented_bytes=presented_bytes, presented_sha256=presented_sha256)


def outgoing_mail_register(*, village, classification_code: str, subject: str, recipient: str, actor,
                           sent_on=None) -> OutgoingMail:
    """Record a letter sent outside Balai in the village's outgoing-mail register. In numbering mode
    ``register`` it takes its number from the same sequence as issued letters."""
    if isinstance(village, str):
        village = Region.objects.get(code=village)
    sent_on = sent_on or timezone.localdate()
    if not classification_code or not subject or not recipient:
        raise ValidationError(_("Kode klasifikasi, perihal dan tujuan surat wajib diisi."))
    mode = numbering.numbering_mode()
    scope = "register" if mode == "register" else "outgoing"
    with transaction.atomic():
        sequence = numbering.letter_sequence_next(village_code=village.code, scope=scope, year=sent_on.year)
        number = numbering.format_number(classification_code=classification_code, sequence=sequence,
                                         village_code=village.code, month=sent_on.month, year=sent_on.year)
        return OutgoingMail.objects.create(village=village, number=number, sequence=sequence,
                                           classification_code=classification_code, subject=subject,
                                           recipient=recipient, sent_on=sent_on, created_by=actor)
