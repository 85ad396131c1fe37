"""The migration that takes letter PDFs out of the database (letters 0005) moves each one byte for byte
into storage: its SHA-256 and the verification token printed in its QR stay the same, its signature,
validity and check log move to its document, the counters move to core.Sequence; and it goes back."""

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.support.world import VILLAGE, build_world

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("letters", "0004_letter_document")]
AFTER = [("letters", "0006_letter_fields_moved_to_document")]
PDF = b"%PDF-1.7\n% Surat Keterangan Tidak Mampu 401/007/35.10.01.2001/XI/2026\n%%EOF\n"
TOKEN = "t" * 32


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_moving_letter_pdfs_to_storage_keeps_their_bytes_hash_token_and_checks_and_can_go_back():
    world = build_world()
    head = world.user("head")
    old = migrate(BEFORE)
    office = old.get_model("accounts", "Office").objects.get(region_id=VILLAGE, kind="village")
    letter_type = old.get_model("letters", "LetterType").objects.get(key="sktm")
    issued_at = timezone.now()
    letter = old.get_model("letters", "Letter").objects.create(
        verification_token=TOKEN, letter_type=letter_type, village_id=VILLAGE, office=office, number="401/007/x",
        sequence=7, sequence_scope="401", year=2026, issued_at=issued_at, holder_name="Siti Aminah", pdf=PDF,
        pdf_sha256=hashlib.sha256(PDF).hexdigest(), signer_id=head.pk, signer_name="Kades", signer_title="Kepala Desa",
        signed_at=issued_at, signature_method="seal", signature_key_id="desa-3510012001:abc", signature_value="f00d",
        status="revoked", revoked_at=issued_at, revoked_by_id=head.pk, revoke_reason="Salah data")
    old.get_model("letters", "Verification").objects.create(letter=letter, method="upload", result="match",
                                                             presented_sha256=hashlib.sha256(PDF).hexdigest())
    old.get_model("letters", "LetterSequence").objects.create(village_id=VILLAGE, scope="401", year=2026,
                                                              last_number=7)

    new = migrate(AFTER)
    moved = new.get_model("letters", "Letter").objects.select_related("document").get(pk=letter.pk)
    document = moved.document
    from django.core.files.storage import default_storage

    with default_storage.open(document.file.name, "rb") as handle:
        stored = handle.read()
    assert stored == PDF and hashlib.sha256(stored).hexdigest() == document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert (document.kind, document.verification_token, document.size) == ("letter", TOKEN, len(PDF))
    assert (document.status, document.revoke_reason, document.revoked_by_id) == ("revoked", "Salah data", head.pk)
    assert (document.signature_method, document.signature_value, document.office_code) == (
        "seal", "f00d", "desa-3510012001")
    assert list(document.checks.values_list("method", "result")) == [("upload", "match")]
    assert new.get_model("core", "Sequence").objects.get(key=f"letter:{VILLAGE}:401", period="2026").last == 7

    back = migrate(BEFORE)
    restored = back.get_model("letters", "Letter").objects.get(pk=letter.pk)
    assert bytes(restored.pdf) == PDF and restored.verification_token == TOKEN and restored.status == "revoked"
    assert back.get_model("letters", "LetterSequence").objects.get(scope="401").last_number == 7
    assert not default_storage.exists(document.file.name)
    migrate(AFTER)  # leave the schema as the other tests expect it
