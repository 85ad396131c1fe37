"""The Smart Kampung path as a new user walks it: a village operator applies for a Surat Keterangan
Tidak Mampu for a resident, the secretary checks it, the head signs it (the letter is issued), the
citizen tracks it by reference + birth date and downloads the PDF; the QR code decoded from the
rendered PDF opens the public verification page, which says valid; a tampered PDF does not match."""

import io
import re

import pypdfium2
import pytest
import zxingcpp

from balai.core.models import DocumentCheck as Verification
from balai.letters.models import Letter
from tests.browser.conftest import shot
from tests.letters.factories import PNG_1PX, load_letter_services, make_resident
from tests.support.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "rahasia-uji-123"  # tests.support.world


@pytest.fixture
def smart_kampung(db, settings, tmp_path, live_server):
    settings.MEDIA_ROOT = tmp_path
    settings.BALAI_PUBLIC_URL = live_server.url  # the QR code must point at this server
    world = build_world()  # regions 35.10, offices, one user per role (t-operator, t-secretary, t-head…)
    load_letter_services(("sktm",))
    resident = make_resident()
    return world, resident


def sign_in(browser, live_server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(live_server.url + "/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").last.click()
    page.wait_for_load_state()
    return page


def act_on(page, live_server, reference, action_label, shot_name):
    """From the office's work queue (everything waiting at the office), open the application and press
    the workflow button."""
    page.goto(live_server.url + "/antrean-kerja/")
    page.get_by_role("link", name=reference).click()
    page.wait_for_url("**/permohonan/**")
    shot(page, shot_name)
    page.locator("#actions").get_by_role("button", name=action_label).click()
    page.wait_for_load_state()


def test_operator_applies_secretary_checks_head_signs_citizen_downloads_and_verifies(
        browser, live_server, smart_kampung, tmp_path):
    world, resident = smart_kampung

    # 1. The village operator finds the service in the catalogue and applies for the resident.
    page = sign_in(browser, live_server, "t-operator")
    page.goto(live_server.url + "/layanan/sktm/")
    page.locator("#how-to-apply").get_by_role("link").first.click()
    page.wait_for_url("**/layanan/sktm/ajukan/**")
    page.get_by_label("Cari pemohon dengan NIK").fill(resident.nik)
    page.locator("#nik-search").get_by_role("button").click()
    page.wait_for_selector("#applicant")
    page.locator("#f_keperluan").fill("Keringanan biaya rawat inap di RSUD Blambangan")
    page.locator("#f_penghasilan").fill("900000")
    page.locator("#f_tanggungan").fill("4")
    upload = tmp_path / "pengantar.png"
    upload.write_bytes(PNG_1PX)
    for file_input in page.locator("#apply-form input[type=file]").all():
        file_input.set_input_files(str(upload))
    shot(page, "smart-kampung-1-apply")
    page.locator("#submit-application").click()
    page.wait_for_url("**/permohonan/**")
    reference = re.search(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", page.locator("main").inner_text()).group(0)
    page.locator("#actions").get_by_role("button", name="Verifikasi").click()
    page.wait_for_load_state()
    page.context.close()

    # 2. The secretary checks, 3. the head signs: the letter is issued.
    page = sign_in(browser, live_server, "t-secretary")
    act_on(page, live_server, reference, "Periksa", "smart-kampung-2-secretary")
    page.context.close()
    page = sign_in(browser, live_server, "t-head")
    act_on(page, live_server, reference, "Tandatangani", "smart-kampung-3-head")
    shot(page, "smart-kampung-4-signed")
    page.context.close()
    letter = Letter.objects.get(application__reference=reference)
    assert letter.number.startswith("401/001/35.10.01.2001/")

    # 4. The citizen tracks the application by reference + birth date and downloads the PDF.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="id-ID",
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(live_server.url + "/lacak/")
    page.get_by_label("Nomor permohonan").fill(reference.lower().replace("-", ""))
    page.get_by_label("Tanggal lahir pemohon").fill("1990-01-01")
    page.locator("#track-form").get_by_role("button").click()
    page.wait_for_selector("#track-result")
    assert "Selesai" in page.locator("#status").inner_text()
    shot(page, "smart-kampung-5-track")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Unduh surat (PDF)").click()
    pdf_path = tmp_path / "surat.pdf"
    download_info.value.save_as(str(pdf_path))
    pdf_bytes = pdf_path.read_bytes()
    assert pdf_bytes == bytes(letter.pdf)

    # 5. A real decoder reads the QR code from the rendered PDF page.
    image = pypdfium2.PdfDocument(io.BytesIO(pdf_bytes))[0].render(scale=2).to_pil()
    image.save(tmp_path / "surat.png")
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert len(decoded) == 1 and decoded[0].startswith(live_server.url + "/verifikasi/")

    # 6. Whoever scans it (a bank, the police) sees the letter is valid, without signing in.
    page.goto(decoded[0])
    status = page.locator("#verify-status")
    assert status.get_attribute("data-status") == "valid"
    assert "Dokumen sah dan berlaku" in status.inner_text()
    facts = page.locator("#verify-facts").inner_text()
    assert letter.number in facts and "Si** Am****" in facts and "Siti Aminah" not in facts
    shot(page, "smart-kampung-6-verify-valid")

    # 7. The exact PDF matches; a tampered copy is reported as not matching.
    page.locator("#verify-upload input[type=file]").set_input_files(str(pdf_path))
    page.locator("#verify-upload").get_by_role("button", name="Periksa").click()
    page.wait_for_selector("#upload-result")
    assert page.locator("#upload-result").get_attribute("data-result") == "match"
    tampered = tmp_path / "surat-diubah.pdf"
    tampered.write_bytes(pdf_bytes.replace(b"SITI AMINAH", b"SITI AMINAX", 1) if b"SITI AMINAH" in pdf_bytes
                         else pdf_bytes[:-10] + b"%%EOF-ubah")
    page.locator("#verify-upload input[type=file]").set_input_files(str(tampered))
    page.locator("#verify-upload").get_by_role("button", name="Periksa").click()
    page.wait_for_selector("#upload-result[data-result=mismatch]")
    assert "TIDAK COCOK" in page.locator("#upload-result").inner_text()
    shot(page, "smart-kampung-7-verify-tampered")
    context.close()

    results = list(letter.document.checks.order_by("id").values_list("result", flat=True))
    assert results[-2:] == [Verification.Result.MATCH, Verification.Result.MISMATCH]
