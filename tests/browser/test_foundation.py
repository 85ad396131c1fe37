"""A new user's first steps: the portal, the language switch, signing in as village operator and as
administrator with a TOTP code."""

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_world(db):
    call_command("load_regions", "35.10", verbosity=0)
    from balai.accounts.demo import ensure_demo_users, ensure_offices

    ensure_offices()
    ensure_demo_users()


def test_portal_language_switch_and_operator_login(live_server, phone_page, demo_world):
    page = phone_page
    page.goto(live_server.url + "/")
    assert "Apa yang bisa Anda lakukan di sini" in page.content()
    shot(page, "foundation-portal-phone")
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert "What you can do here" in page.content()
    shot(page, "foundation-portal-english")
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="Bahasa Indonesia").click()
    page.wait_for_load_state()
    assert "Apa yang bisa Anda lakukan di sini" in page.content()

    page.goto(live_server.url + "/masuk/")
    page.get_by_label("Nama pengguna").fill("operator")
    page.get_by_label("Kata sandi").fill("balai-demo-2026")
    page.get_by_role("button", name="Masuk").last.click()
    page.wait_for_url("**/desa/35.10.01.2001/")
    assert page.locator("#village-title").inner_text().strip() == "Desa Sarongan"
    shot(page, "foundation-operator-village")


def test_administrator_signs_in_with_a_totp_code(live_server, page, demo_world):
    page.goto(live_server.url + "/masuk/")
    page.get_by_label("Nama pengguna").fill("admin")
    page.get_by_label("Kata sandi").fill("balai-demo-2026")
    page.get_by_role("button", name="Masuk").last.click()
    page.wait_for_url("**/masuk/kode/**")
    device = TOTPDevice.objects.get(user__username="admin")
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    page.get_by_label("Kode 6 angka dari aplikasi autentikator").fill(code)
    page.get_by_role("button", name="Lanjutkan").click()
    page.wait_for_url("**/kantor/pemkab/")
    page.goto(live_server.url + "/admin/")
    assert "Balai — administrasi" in page.content()
    shot(page, "foundation-admin")
