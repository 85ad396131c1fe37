"""The document pipeline for any kind of document (core.documents), shown with a kind that is not a
letter: a programme's payment receipt. Stored through Django's storage with its SHA-256 and seal,
verified publicly by its token (page and API), compared with an uploaded PDF, revoked with a reason."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.accounts.models import Office
from balai.core.documents.kinds import DocumentFacts, DocumentKind, register_kind, unregister_kind
from balai.core.documents.services import document_revoke, document_store
from balai.core.documents.signing import SealSigner
from balai.core.models import Document, DocumentCheck

RECEIPT = b"%PDF-1.4\n% Kuitansi BLT Dana Desa 300.000\n%%EOF\n"


@pytest.fixture
def receipt_kind():
    register_kind(DocumentKind(key="receipt", describe=lambda document: DocumentFacts(
        title="Kuitansi Penyaluran BLT Dana Desa", number="BLT/2026/0042", issued_on=datetime.date(2026, 12, 8),
        issuing_office="Kantor Desa Sarongan", signer="Budi Santoso (Kepala Desa)", holder_masked="Si** Am****")))
    yield
    unregister_kind("receipt")


@pytest.fixture
def receipt(world, receipt_kind):
    office = Office.objects.get(region_id="35.10.01.2001", kind=Office.Kind.VILLAGE)
    return document_store(kind="receipt", pdf=RECEIPT, signer_user=world.user("head"), office=office)


def test_a_stored_document_is_in_storage_byte_for_byte_with_its_hash_and_seal(world, receipt):
    assert default_storage.exists(receipt.file.name)
    assert receipt.file.name.startswith("documents/receipt/") and receipt.verification_token not in receipt.file.name
    assert receipt.read_bytes() == RECEIPT and receipt.size == len(RECEIPT) == 48
    assert receipt.sha256 == hashlib.sha256(RECEIPT).hexdigest()
    assert receipt.signature_method == "seal" and receipt.office_code == "desa-3510012001"
    assert SealSigner.verify(document_bytes=RECEIPT, signature_value=receipt.signature_value,
                             signer_id=world.user("head").pk, office_code="desa-3510012001",
                             signed_at=receipt.signed_at)


def test_documents_go_to_the_storage_backend_named_in_settings(world, receipt_kind, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {**settings.STORAGES,
                         "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    document = document_store(kind="receipt", pdf=RECEIPT)
    assert type(default_storage._wrapped).__name__ == "InMemoryStorage"
    assert Document.objects.get(pk=document.pk).read_bytes() == RECEIPT
    assert list(tmp_path.iterdir()) == []  # nothing written under MEDIA_ROOT


def test_an_unregistered_kind_cannot_be_stored(db):
    with pytest.raises(LookupError, match="not registered"):
        document_store(kind="nobody_knows", pdf=RECEIPT)
    assert not Document.objects.exists()


def test_the_public_page_describes_any_kind_and_compares_an_uploaded_pdf(client, receipt):
    url = f"/verifikasi/{receipt.verification_token}/"
    body = client.get(url).content.decode()
    assert 'data-status="valid"' in body and 'data-kind="receipt"' in body
    assert "Kuitansi Penyaluran BLT Dana Desa" in body and "BLT/2026/0042" in body and "Si** Am****" in body
    same = client.post(url, {"file": SimpleUploadedFile("k.pdf", RECEIPT, "application/pdf")}).content.decode()
    other = client.post(url, {"file": SimpleUploadedFile("k.pdf", RECEIPT.replace(b"300", b"900"),
                                                         "application/pdf")}).content.decode()
    assert 'data-result="match"' in same and 'data-result="mismatch"' in other
    assert list(receipt.checks.order_by("id").values_list("method", "result")) == [
        ("view", "valid"), ("upload", "match"), ("upload", "mismatch")]


def test_the_public_api_verifies_any_kind_by_token_and_hash(client, receipt):
    url = f"/api/v1/verifications/{receipt.verification_token}/"
    facts = client.get(url).json()
    assert (facts["valid"], facts["kind"], facts["document_type"], facts["number"], facts["issued_on"]) == (
        True, "receipt", "Kuitansi Penyaluran BLT Dana Desa", "BLT/2026/0042", "2026-12-08")
    assert client.post(url, {"sha256": receipt.sha256}, content_type="application/json").json()["pdf_matches"]
    assert client.post(url, {"sha256": "0" * 64}, content_type="application/json").json()["pdf_matches"] is False
    assert receipt.checks.filter(method=DocumentCheck.Method.API).count() == 3


def test_revoking_needs_a_reason_happens_once_and_the_page_then_says_revoked(world, client, receipt):
    with pytest.raises(ValidationError, match="minimal 5 karakter"):
        document_revoke(document=receipt, actor=world.user("head"), reason=" no ")
    revoked = document_revoke(document=receipt, actor=world.user("head"), reason="Penerima ganda")
    assert (revoked.status, revoked.revoked_by, revoked.revoke_reason) == ("revoked", world.user("head"),
                                                                           "Penerima ganda")
    with pytest.raises(ValidationError, match="sudah dicabut"):
        document_revoke(document=receipt, actor=world.user("head"), reason="Penerima ganda")
    body = client.get(f"/verifikasi/{receipt.verification_token}/").content.decode()
    assert 'data-status="revoked"' in body and "Penerima ganda" in body


def test_an_unknown_token_is_answered_as_unknown(client, db):
    response = client.get("/verifikasi/bukan-token-yang-ada/")
    assert response.status_code == 404 and 'data-status="unknown"' in response.content.decode()
