"""Writes for letters: issue (number, render, sign, store in one transaction), revoke, and the log of
public verifications."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from balai.accounts.models import Office, Role
from balai.core.documents import html_to_pdf, qr_svg_data_uri
from balai.regions.models import Kind, Region

from . import numbering
from .catalogue import detail_rows, letter_types_ensure
from .formatting import tanggal_indonesia
from .models import Letter, LetterType, OutgoingMail, Verification
from .signing import get_signer

COVER_LETTERS = {"kehilangan", "izin_keramaian", "pengantar_skck"}


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
        raise ValidationError(f"Kantor desa untuk wilayah {village.code} belum terdaftar.")
    return office


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
        "is_cover_letter": letter.letter_type.key in COVER_LETTERS,
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
        raise ValidationError("Penanda tangan harus bertindak melalui keanggotaan kantornya.")
    if membership.role != Role.HEAD or membership.office.kind != Office.Kind.VILLAGE \
            or membership.office.region_id != village.code:
        raise ValidationError("Surat desa hanya dapat ditandatangani oleh kepala desa/lurah desa tersebut.")


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
        raise ValidationError(f"Jenis surat {letter_type.title} tidak aktif.")
    if not holder.get("name"):
        raise ValidationError("Nama pemegang surat wajib diisi.")
    _check_signer(signer_user=signer_user, membership=membership, village=village)
    office = membership.office
    issued_at = issued_at or timezone.now()
    local = timezone.localtime(issued_at)
    data = dict(data or {})
    purpose = purpose or data.get("keperluan") or letter_type.purpose_default
    signer = get_signer()
    with transaction.atomic():
        scope = numbering.sequence_scope(letter_type.classification_code)
        sequence = numbering.sequence_next(village_code=village.code, scope=scope, year=local.year)
        number = numbering.format_number(classification_code=letter_type.classification_code, sequence=sequence,
                                         village_code=village.code, month=local.month, year=local.year)
        letter = Letter(
            letter_type=letter_type, village=village, office=office, number=number, sequence=sequence,
            sequence_scope=scope, year=local.year, issued_at=issued_at, holder_name=holder["name"],
            holder=holder, data=data, purpose=str(purpose)[:255], signer=signer_user,
            signer_name=signer_user.display_name(), signer_title=office.head_title or "Kepala Desa",
            signed_at=issued_at, signature_method=signer.method,
        )
        if person is not None:
            letter.person = person
        if application is not None:
            letter.application = application
        pdf = letter_render_pdf(letter)
        signature = signer.sign(pdf, signer_user=signer_user, office=office, signed_at=issued_at,
                                **(signer_options or {}))
        letter.pdf = signature.signed_document or pdf
        letter.pdf_sha256 = hashlib.sha256(letter.pdf).hexdigest()
        letter.signed_at = signature.signed_at
        letter.signature_key_id = signature.key_id
        letter.signature_value = signature.value
        letter.save()
    return letter


def letter_revoke(*, letter: Letter, actor, reason: str) -> Letter:
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ValidationError("Tuliskan alasan pencabutan (minimal 5 karakter).")
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter.pk)
        if letter.status == Letter.Status.REVOKED:
            raise ValidationError("Surat ini sudah dicabut.")
        letter.status = Letter.Status.REVOKED
        letter.revoked_at = timezone.now()
        letter.revoked_by = actor
        letter.revoke_reason = reason
        letter.save(update_fields=["status", "revoked_at", "revoked_by", "revoke_reason"])
    return letter


def verification_record(*, letter: Letter, method: str, request=None, presented_bytes: bytes | None = None,
                        presented_sha256: str = "") -> Verification:
    """Log one public check. With a presented PDF (or its hash) the result says whether it is exactly the
    issued file; otherwise whether the letter is still valid."""
    if presented_bytes is not None:
        presented_sha256 = hashlib.sha256(presented_bytes).hexdigest()
    presented_sha256 = (presented_sha256 or "").strip().lower()
    if presented_sha256:
        result = Verification.Result.MATCH if presented_sha256 == letter.pdf_sha256 else Verification.Result.MISMATCH
    else:
        result = Verification.Result.VALID if letter.is_valid else Verification.Result.REVOKED
    ip = user_agent = None
    if request is not None:
        ip = request.META.get("REMOTE_ADDR") or None
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    return Verification.objects.create(letter_id=letter.pk, method=method, result=result,
                                       presented_sha256=presented_sha256[:64], ip_address=ip,
                                       user_agent=user_agent or "")


def outgoing_mail_register(*, village, classification_code: str, subject: str, recipient: str, actor,
                           sent_on=None) -> OutgoingMail:
    """Record a letter sent outside Balai in the village's outgoing-mail register. In numbering mode
    ``register`` it takes its number from the same sequence as issued letters."""
    if isinstance(village, str):
        village = Region.objects.get(code=village)
    sent_on = sent_on or timezone.localdate()
    if not classification_code or not subject or not recipient:
        raise ValidationError("Kode klasifikasi, perihal dan tujuan surat wajib diisi.")
    mode = numbering.numbering_mode()
    scope = "register" if mode == "register" else "outgoing"
    with transaction.atomic():
        sequence = numbering.sequence_next(village_code=village.code, scope=scope, year=sent_on.year)
        number = numbering.format_number(classification_code=classification_code, sequence=sequence,
                                         village_code=village.code, month=sent_on.month, year=sent_on.year)
        return OutgoingMail.objects.create(village=village, number=number, sequence=sequence,
                                           classification_code=classification_code, subject=subject,
                                           recipient=recipient, sent_on=sent_on, created_by=actor)
