import hashlib
import io

import pypdfium2
import pytest
import zxingcpp
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from balai.accounts.models import Membership, Role
from balai.core.documents.signing import BSrESigner, SealSigner, get_signer
from balai.core.models import DocumentCheck as Verification
from balai.letters.formatting import mask_name
from balai.letters.models import Letter
from balai.letters.services import letter_issue
from tests.letters.factories import HOLDER, issue_letter
from tests.support.world import VILLAGE


@pytest.fixture
def letter(world):
    return issue_letter(world, data={"keperluan": "Berobat ke RSUD Blambangan"})


def test_issued_letter_records_the_sha256_of_its_pdf_and_a_seal_by_the_office_key(world, letter):
    assert bytes(letter.pdf).startswith(b"%PDF")
    assert letter.pdf_sha256 == hashlib.sha256(bytes(letter.pdf)).hexdigest()
    assert letter.signer == world.user("head") and letter.document.signature_method == "seal"
    assert letter.document.signature_key_id.startswith("desa-3510012001:")
    assert SealSigner.verify(document_bytes=bytes(letter.pdf), signature_value=letter.document.signature_value,
                             signer_id=letter.signer_id, office_code=letter.office.code, signed_at=letter.signed_at)


def test_seal_does_not_verify_for_a_changed_pdf_or_another_office(letter):
    tampered = bytes(letter.pdf) + b"\n%tamper"
    common = {"signature_value": letter.document.signature_value, "signer_id": letter.signer_id, "signed_at": letter.signed_at}
    assert not SealSigner.verify(document_bytes=tampered, office_code=letter.office.code, **common)
    assert not SealSigner.verify(document_bytes=bytes(letter.pdf), office_code="desa-3510012004", **common)


def test_the_pdf_carries_a_qr_code_with_the_public_verification_url(letter):
    page = pypdfium2.PdfDocument(io.BytesIO(bytes(letter.pdf)))[0]
    decoded = [r.text for r in zxingcpp.read_barcodes(page.render(scale=2).to_pil())]
    assert decoded == [f"http://127.0.0.1:8000/verifikasi/{letter.verification_token}/"]
    assert len(letter.verification_token) >= 32


def test_the_letter_body_is_in_indonesian_with_the_holders_data(letter):
    raw = pypdfium2.PdfDocument(io.BytesIO(bytes(letter.pdf)))[0].get_textpage().get_text_range()
    text = " ".join(raw.split())
    for expected in ("PEMERINTAH KABUPATEN BANYUWANGI", "KECAMATAN PESANGGARAN", "DESA SARONGAN",
                     "SURAT KETERANGAN TIDAK MAMPU", letter.number, "SITI AMINAH", "1 Januari 1990",
                     "tidak mampu", "Berobat ke RSUD Blambangan", "Ditandatangani secara elektronik"):
        assert expected in text


def test_every_letter_type_renders(world):
    from balai.letters.catalogue import LETTER_TYPES

    for key in LETTER_TYPES:
        letter = issue_letter(world, letter_type=key, data={"nama_usaha": "Warung Bu Siti", "barang_hilang": "KTP-el", "penghasilan": 750000, "tanggal_acara": "2026-12-24"})
        assert bytes(letter.pdf).startswith(b"%PDF"), key
    assert Letter.objects.count() == 11


def test_only_the_head_of_the_village_can_sign(world):
    secretary = Membership.objects.get(user=world.user("secretary"), role=Role.SECRETARY)
    with pytest.raises(ValidationError):
        letter_issue(letter_type="sktm", village=VILLAGE, holder=dict(HOLDER), signer_user=secretary.user,
                     membership=secretary)
    head = Membership.objects.get(user=world.user("head"), role=Role.HEAD)
    with pytest.raises(ValidationError):
        letter_issue(letter_type="sktm", village="35.10.01.2004", holder=dict(HOLDER), signer_user=head.user,
                     membership=head)


def test_bsre_signer_needs_nik_and_passphrase_and_is_chosen_by_setting(settings, world):
    settings.BALAI_LETTER_SIGNER = "bsre"
    signer = get_signer()
    assert isinstance(signer, BSrESigner)
    signer.base_url = "http://bsre.invalid"
    with pytest.raises(ValidationError):
        signer.sign(b"%PDF", signer_user=world.user("head"), office=world.offices["head"], nik="", passphrase="")
    assert "passphrase" not in vars(signer)


def test_holder_name_is_partly_masked():
    assert mask_name("Siti Aminah") == "Si** Am****"
    assert mask_name("I Made Wiranata") == "I Ma** Wi******"


def test_verification_page_says_valid_shows_masked_holder_and_logs_the_check(client, letter):
    response = client.get(reverse("documents:verify", args=[letter.verification_token]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-status="valid"' in body and letter.number in body and "Kantor Desa Sarongan" in body
    assert "Si** Am****" in body and "Siti Aminah" not in body and HOLDER["nik"] not in body
    assert list(letter.document.checks.values_list("method", "result")) == [("view", "valid")]


def test_verification_page_says_revoked_with_reason(client, world, letter):
    from balai.letters.services import letter_revoke

    letter_revoke(letter=letter, actor=world.user("secretary"), reason="Data penghasilan tidak benar")
    body = client.get(reverse("documents:verify", args=[letter.verification_token])).content.decode()
    assert 'data-status="revoked"' in body and "Data penghasilan tidak benar" in body
    assert letter.document.checks.get().result == Verification.Result.REVOKED


def test_unknown_token_is_reported_as_not_registered(client, db):
    response = client.get(reverse("documents:verify", args=["tebakan-token"]))
    assert response.status_code == 404 and 'data-status="unknown"' in response.content.decode()


def test_uploaded_pdf_matches_only_when_byte_identical(client, letter):
    url = reverse("documents:verify", args=[letter.verification_token])
    same = client.post(url, {"file": SimpleUploadedFile("s.pdf", bytes(letter.pdf), "application/pdf")})
    assert 'data-result="match"' in same.content.decode()
    tampered_bytes = bytes(letter.pdf).replace(b"SITI", b"SITU", 1) + b" "
    tampered = client.post(url, {"file": SimpleUploadedFile("t.pdf", tampered_bytes, "application/pdf")})
    assert 'data-result="mismatch"' in tampered.content.decode()
    assert list(letter.document.checks.order_by("id").values_list("result", flat=True)) == ["match", "mismatch"]


def test_uploads_to_the_verification_page_are_limited_per_device(client, letter, settings):
    settings.BALAI_ATTEMPT_LIMITS = {"verify_upload": (2, 600)}
    url = reverse("documents:verify", args=[letter.verification_token])
    for _ in range(2):
        ok = client.post(url, {"file": SimpleUploadedFile("s.pdf", bytes(letter.pdf), "application/pdf")})
        assert ok.status_code == 200 and 'data-result="match"' in ok.content.decode()
    refused = client.post(url, {"file": SimpleUploadedFile("s.pdf", bytes(letter.pdf), "application/pdf")})
    assert refused.status_code == 429 and "Terlalu banyak percobaan" in refused.content.decode()
    assert letter.document.checks.filter(method=Verification.Method.UPLOAD).count() == 2  # the third was not hashed
    assert client.get(url).status_code == 200  # reading the page is not limited


def test_verification_api_reports_facts_and_checks_a_hash(client, letter):
    url = reverse("document-verification", args=[letter.verification_token])
    data = client.get(url).json()
    assert data["valid"] is True and data["number"] == letter.number and data["holder_name"] == "Si** Am****"
    assert client.post(url, {"sha256": letter.pdf_sha256}, content_type="application/json").json()["pdf_matches"]
    assert client.post(url, {"sha256": "0" * 64}, content_type="application/json").json()["pdf_matches"] is False
    assert client.post(url, {"sha256": "nope"}, content_type="application/json").status_code == 400
    assert letter.document.checks.count() == 3
