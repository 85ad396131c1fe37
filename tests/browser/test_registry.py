"""A village operator on a phone: searches the register, opens a resident, sees the live NIK check,
and the statistics page draws its pyramid."""

import pytest
from django.core.management import call_command

from tests.browser.conftest import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def registry_world(db):
    call_command("load_regions", "35.10", verbosity=0)
    from balai.accounts.demo import ensure_demo_users, ensure_offices
    from balai.registry.generator import insert_population, regency_villages
    from balai.registry.statistics import population_summary_refresh

    ensure_offices()
    ensure_demo_users()
    insert_population(people=120, seed=3, villages=regency_villages(["35.10.01.2001"]))
    population_summary_refresh()


def sign_in(page, base):
    page.goto(base + "/masuk/")
    page.get_by_label("Nama pengguna").fill("operator")
    page.get_by_label("Kata sandi").fill("balai-demo-2026")
    page.get_by_role("button", name="Masuk").last.click()
    page.wait_for_url("**/desa/**")


def test_operator_searches_opens_a_resident_and_checks_a_nik_on_a_phone(live_server, phone_page, registry_world):
    from balai.registry.models import Person

    target = Person.objects.order_by("name_search").first()
    page = phone_page
    sign_in(page, live_server.url)
    page.goto(live_server.url + "/penduduk/")
    page.locator("#q").fill(target.name[:4])
    page.wait_for_timeout(800)
    assert target.masked_nik in page.locator("#person-table").inner_text()
    assert target.nik not in page.locator("#person-table").inner_text()
    shot(page, "registry-search-phone")
    page.get_by_role("link", name=target.name).first.click()
    page.wait_for_url(f"**/penduduk/{target.public_id}/")
    assert page.locator("#person-nik").inner_text() == target.nik
    shot(page, "registry-person-phone")
    page.goto(live_server.url + "/penduduk/tambah/")
    page.locator("#id_nik").fill("3510013208900012")
    page.locator("#nik-check .alert-danger").wait_for()
    assert "Digit 7–12" in page.locator("#nik-check").inner_text()
    shot(page, "registry-nik-check-phone")
    page.goto(live_server.url + "/penduduk/statistik/")
    page.locator("#pyramid").wait_for()
    assert page.locator("#stat-totals").inner_text()
    shot(page, "registry-statistics-phone")
