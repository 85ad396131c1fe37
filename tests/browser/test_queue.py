"""A visitor's day at the MPP, as a new user would live it: take a number at the kiosk, follow it on
the phone, get called on the board (with the spoken sentence), be served, and rate the service."""

import re

import pytest
from playwright.sync_api import expect

from balai.accounts.models import Membership, Office, Role, User
from balai.applications.models import SurveyResponse
from tests.browser.conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hall_world(db):
    from tests.queues.factories import light_offices, make_hall

    light_offices()
    made = make_hall()
    officer = User.objects.create_user(username="loket-uji", password="rahasia-uji-123", first_name="Yusuf")
    Membership.objects.create(user=officer, office=Office.objects.get(code="mpp"), role=Role.COUNTER_OFFICER)
    return made


def test_kiosk_ticket_phone_page_call_on_board_service_and_rating(live_server, browser, page, phone_page, hall_world):
    url = live_server.url
    # 1. The kiosk (a tablet): pick a service, get a printable ticket.
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(url + "/antrean/mpp/kios/")
    shot(page, "queue-kiosk")
    page.get_by_role("button", name=re.compile("Perekaman KTP-el")).click()
    page.wait_for_url("**/cetak/?kiosk=1")
    number = page.locator(".t-number").inner_text().strip()
    assert number == "A-001"
    shot(page, "queue-ticket-print")
    ticket_path = page.locator("#phone-link").get_attribute("href")

    # 2. The visitor's phone: position and estimated wait.
    phone_page.goto(url + ticket_path)
    assert phone_page.locator("#ticket-number").inner_text().strip() == "A-001"
    assert phone_page.locator("#ahead").inner_text().strip() == "0"
    shot(phone_page, "queue-phone-waiting")

    # 3. The board on the hall's TV.
    tv = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="id-ID").new_page()
    tv.goto(url + "/antrean/mpp/layar/")
    assert "—" in tv.locator('[data-counter="1"] .number').inner_text()

    # 4. The counter officer signs in and calls the next number.
    officer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID").new_page()
    officer.goto(url + "/masuk/")
    officer.get_by_label("Nama pengguna").fill("loket-uji")
    officer.get_by_label("Kata sandi").fill("rahasia-uji-123")
    officer.get_by_role("button", name="Masuk").last.click()
    officer.wait_for_load_state()
    officer.goto(url + "/loket/")
    officer.get_by_role("link", name="Loket 1").click()
    officer.get_by_role("button", name="Panggil berikutnya").click()
    officer.wait_for_load_state()
    assert officer.locator("#current-number").inner_text().strip() == "A-001"

    # 5. The board picks the call up by itself and announces it.
    expect(tv.locator('[data-counter="1"] .number')).to_have_text("A-001", timeout=15000)
    expect(tv.locator("#board-spoken")).to_have_text("Nomor antrian A nol nol satu, silakan ke loket satu")
    assert "A-001" in tv.locator("#board-calls").inner_text()
    shot(tv, "queue-board-called")

    phone_page.reload()
    assert "Silakan menuju Loket 1" in phone_page.content()

    # 6. Served and finished.
    officer.get_by_role("button", name="Mulai layani").click()
    officer.wait_for_load_state()
    officer.get_by_role("button", name="Selesai").click()
    officer.wait_for_load_state()
    assert "Tidak ada nomor yang sedang dilayani" in officer.content()
    shot(officer, "queue-console")

    # 7. The visitor rates the service from the phone.
    phone_page.reload()
    phone_page.get_by_role("link", name="Beri penilaian layanan").click()
    for i in range(1, 10):
        phone_page.locator(f"label[for='id_u{i}_3']").click()  # "Sangat baik" (value 4)
    shot(phone_page, "queue-survey")
    phone_page.get_by_role("button", name="Kirim penilaian").click()
    phone_page.wait_for_load_state()
    assert "Terima kasih atas penilaian Anda" in phone_page.content()
    response = SurveyResponse.objects.get()
    assert [getattr(response, f"u{i}") for i in range(1, 10)] == [4] * 9
    assert response.source == "kiosk" and response.hall.code == "mpp"


def test_board_shows_reconnecting_during_a_network_drop_and_recovers_by_itself(live_server, page, hall_world):
    from balai.queues import services

    page.goto(live_server.url + "/antrean/mpp/layar/")
    banner = page.locator("#board-offline")
    expect(banner).to_be_hidden()
    page.route("**/api/v1/halls/mpp/board/", lambda route: route.abort())
    expect(banner).to_be_visible(timeout=10000)
    expect(banner).to_have_text("menyambung ulang…")
    shot(page, "queue-board-reconnecting")
    # While the board is cut off, a number is called; after the network returns the board shows it.
    services.ticket_issue(hall=hall_world["hall"], service=hall_world["izin"])
    services.counter_call_next(counter=hall_world["counters"][2])
    page.unroute("**/api/v1/halls/mpp/board/")
    expect(banner).to_be_hidden(timeout=20000)
    expect(page.locator('[data-counter="3"] .number')).to_have_text("B-001")


def test_printed_ticket_is_laid_out_for_80_mm_and_58_mm_thermal_paper(live_server, page, hall_world):
    import pypdfium2

    from balai.queues import services

    ticket = services.ticket_issue(hall=hall_world["hall"], service=hall_world["ktp"])
    widths = {}
    for paper in ("80", "58"):
        page.goto(f"{live_server.url}/antrean/tiket/{ticket.public_id}/cetak/?lebar={paper}&kiosk=1")
        pdf = pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True))
        widths[paper] = round(pdf[0].get_width() / 72 * 25.4)  # points to millimetres
        assert "A-001" in pdf[0].get_textpage().get_text_range()
    assert widths == {"80": 80, "58": 58}
