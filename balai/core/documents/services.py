"""Writes for documents of any kind: store (sign, hash and save the file through Django's storage),
revoke, and the log of public checks. Callers issue inside their own transaction, so the document row
and the caller's row (a letter) are made together or not at all."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.core.client import client_ip
from balai.core.models import Document, DocumentCheck

from .kinds import get_kind
from .signing import Signer, get_signer


def document_store(*, kind: str, pdf: bytes, signer_user=None, office=None, signer: Signer | None = None,
                   signed_at=None, signer_options: dict | None = None, token: str | None = None) -> Document:
    """Sign ``pdf`` (when a signer user is given), store the resulting file through the default storage
    and create its ``Document`` row. A signer that embeds its signature (BSrE) returns a new PDF: that
    is the one stored and hashed. ``token`` lets the caller print the verification URL in the PDF
    before the row exists (``new_verification_token()``)."""
    get_kind(kind)  # an unregistered kind could never be verified: refuse it now
    document = Document(kind=kind, office_code=getattr(office, "code", "") or "")
    if token:
        document.verification_token = token
    if signer_user is not None:
        signer = signer or get_signer()
        signature = signer.sign(pdf, signer_user=signer_user, office=office, signed_at=signed_at or timezone.now(),
                                **(signer_options or {}))
        pdf = signature.signed_document or pdf
        document.signer = signer_user
        document.signed_at = signature.signed_at
        document.signature_method = signature.method
        document.signature_key_id = signature.key_id
        document.signature_value = signature.value
    document.sha256 = hashlib.sha256(pdf).hexdigest()
    document.size = len(pdf)
    # The file is written before the row: a row never points at a missing file. If the caller's
    # transaction later rolls back, the file stays as an unreferenced object under a random name (no
    # number, token or name in it); it is never served, as files are reached only through their row.
    document.file.save(f"{kind}.pdf", ContentFile(pdf), save=False)
    try:
        document.save()
    except Exception:
        document.file.storage.delete(document.file.name)
        raise
    return document


def document_revoke(*, document: Document, actor, reason: str) -> Document:
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ValidationError(_("Tuliskan alasan pencabutan (minimal 5 karakter)."))
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        if document.status == Document.Status.REVOKED:
            raise ValidationError(_("Dokumen ini sudah dicabut."))
        document.status = Document.Status.REVOKED
        document.revoked_at = timezone.now()
        document.revoked_by = actor
        document.revoke_reason = reason
        document.save(update_fields=["status", "revoked_at", "revoked_by", "revoke_reason"])
    return document


def document_check_record(*, document: Document, method: str, request=None, presented_bytes: bytes | None = None,
                          presented_sha256: str = "") -> DocumentCheck:
    """Log one public check. With a presented PDF (or its hash) the result says whether it is exactly the
    issued file; otherwise whether the document is still valid."""
    if presented_bytes is not None:
        presented_sha256 = hashlib.sha256(presented_bytes).hexdigest()
    presented_sha256 = (presented_sha256 or "").strip().lower()
    if presented_sha256:
        result = DocumentCheck.Result.MATCH if presented_sha256 == document.sha256 else DocumentCheck.Result.MISMATCH
    else:
        result = DocumentCheck.Result.VALID if document.is_valid else DocumentCheck.Result.REVOKED
    ip = user_agent = None
    if request is not None:
        ip = client_ip(request)
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:200]
    return DocumentCheck.objects.create(document_id=document.pk, method=method, result=result,
                                        presented_sha256=presented_sha256[:64], ip_address=ip,
                                        user_agent=user_agent or "")
