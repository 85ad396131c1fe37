"""Move every letter's PDF out of the database into storage (Django's default storage: MEDIA_ROOT, or
the configured S3-compatible backend) as a core.Document of kind "letter", byte for byte, so its
SHA-256 and the verification token printed in its QR code stay the same. Its signature, validity and
log of public checks move with it; the letter counters move to core.Sequence. Reversible."""

import hashlib
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations


def _storage_name(issued_at) -> str:
    return f"documents/letter/{issued_at:%Y/%m}/{uuid.uuid4().hex}.pdf"


def pdfs_to_storage(apps, schema_editor):
    db = schema_editor.connection.alias
    Letter = apps.get_model("letters", "Letter")
    Verification = apps.get_model("letters", "Verification")
    LetterSequence = apps.get_model("letters", "LetterSequence")
    Document = apps.get_model("core", "Document")
    DocumentCheck = apps.get_model("core", "DocumentCheck")
    Sequence = apps.get_model("core", "Sequence")
    letters = Letter.objects.using(db).filter(document__isnull=True).select_related("office").order_by("pk")
    for letter in letters.iterator(chunk_size=100):
        data = bytes(letter.pdf)
        if hashlib.sha256(data).hexdigest() != letter.pdf_sha256:
            raise RuntimeError(f"letter {letter.pk}: the stored PDF does not match its recorded SHA-256; "
                               f"not moving it")
        name = default_storage.save(_storage_name(letter.issued_at), ContentFile(data))
        document = Document.objects.using(db).create(
            kind="letter", verification_token=letter.verification_token, file=name, sha256=letter.pdf_sha256,
            size=len(data), office_code=letter.office.code, signer_id=letter.signer_id, signed_at=letter.signed_at,
            signature_method=letter.signature_method, signature_key_id=letter.signature_key_id,
            signature_value=letter.signature_value, status=letter.status, revoked_at=letter.revoked_at,
            revoked_by_id=letter.revoked_by_id, revoke_reason=letter.revoke_reason)
        Document.objects.using(db).filter(pk=document.pk).update(created_at=letter.issued_at)
        Letter.objects.using(db).filter(pk=letter.pk).update(document=document)
        for check in Verification.objects.using(db).filter(letter_id=letter.pk).order_by("pk"):
            moved = DocumentCheck.objects.using(db).create(
                document=document, method=check.method, result=check.result,
                presented_sha256=check.presented_sha256, ip_address=check.ip_address, user_agent=check.user_agent)
            DocumentCheck.objects.using(db).filter(pk=moved.pk).update(at=check.at)  # auto_now_add set "now"
    for counter in LetterSequence.objects.using(db).all():
        key, period = f"letter:{counter.village_id}:{counter.scope}", str(counter.year)
        row, _created = Sequence.objects.using(db).get_or_create(key=key, period=period, defaults={"last": 0})
        if row.last < counter.last_number:
            Sequence.objects.using(db).filter(pk=row.pk).update(last=counter.last_number)


def pdfs_back_to_database(apps, schema_editor):
    db = schema_editor.connection.alias
    Letter = apps.get_model("letters", "Letter")
    Verification = apps.get_model("letters", "Verification")
    LetterSequence = apps.get_model("letters", "LetterSequence")
    Document = apps.get_model("core", "Document")
    DocumentCheck = apps.get_model("core", "DocumentCheck")
    Sequence = apps.get_model("core", "Sequence")
    for letter in Letter.objects.using(db).filter(document__isnull=False).select_related("document").iterator(
            chunk_size=100):
        document = letter.document
        with default_storage.open(document.file.name, "rb") as handle:
            data = handle.read()
        Letter.objects.using(db).filter(pk=letter.pk).update(
            pdf=data, pdf_sha256=document.sha256, verification_token=document.verification_token,
            signature_method=document.signature_method, signature_key_id=document.signature_key_id,
            signature_value=document.signature_value, status=document.status, revoked_at=document.revoked_at,
            revoked_by_id=document.revoked_by_id, revoke_reason=document.revoke_reason, document=None)
        for check in DocumentCheck.objects.using(db).filter(document_id=document.pk).order_by("pk"):
            back = Verification.objects.using(db).create(
                letter_id=letter.pk, method=check.method, result=check.result,
                presented_sha256=check.presented_sha256, ip_address=check.ip_address, user_agent=check.user_agent)
            Verification.objects.using(db).filter(pk=back.pk).update(at=check.at)
        DocumentCheck.objects.using(db).filter(document_id=document.pk).delete()
        Document.objects.using(db).filter(pk=document.pk).delete()
        default_storage.delete(document.file.name)
    for row in Sequence.objects.using(db).filter(key__startswith="letter:"):
        _prefix, village_id, scope = row.key.split(":", 2)
        LetterSequence.objects.using(db).update_or_create(village_id=village_id, scope=scope, year=int(row.period),
                                                          defaults={"last_number": row.last})
        row.delete()


class Migration(migrations.Migration):

    dependencies = [("letters", "0004_letter_document")]

    operations = [migrations.RunPython(pdfs_to_storage, pdfs_back_to_database)]
