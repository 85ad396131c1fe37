"""The public IKM cannot be stuffed from the kiosk page: answers without an application or ticket
count only from a device the hall's staff enrolled, one answer per pace interval."""

import pytest
from django.core.cache import caches
from django.test import Client

from balai.applications import kiosks
from balai.applications.models import SurveyResponse

from .factories import make_service

SCORES = {f"u{i}": "4" for i in range(1, 10)}


@pytest.fixture(autouse=True)
def fresh_pace():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def enrolled_kiosk(world) -> Client:
    client = world.client("counter_officer")
    response = client.post("/survei/kios/daftarkan/")
    assert response.status_code == 302 and response["Location"] == "/survei/kios/"
    cookie = client.cookies[kiosks.KIOSK_COOKIE]
    assert cookie["httponly"] and cookie["max-age"] == kiosks.KIOSK_MAX_AGE
    kiosk = Client()  # the officer signs out; the tablet keeps only its kiosk cookie
    kiosk.cookies[kiosks.KIOSK_COOKIE] = cookie.value
    return kiosk


def test_sixty_anonymous_posts_from_a_browser_that_was_not_enrolled_store_nothing(world):
    make_service("ktp-el", workflow="agency")
    browser = world.client("anonymous")
    assert "belum terdaftar sebagai kios survei" in browser.get("/survei/kios/").content.decode()
    for _ in range(60):
        response = browser.post("/survei/kios/", {**SCORES, "service": "ktp-el", "hall": "mpp"})
        assert "belum terdaftar sebagai kios survei" in response.content.decode()
    assert SurveyResponse.objects.count() == 0


def test_an_enrolled_kiosk_takes_one_answer_per_pace_interval_for_its_own_hall(world, settings):
    settings.BALAI_KIOSK_PACE_SECONDS = 20
    make_service("ktp-el", workflow="agency")
    kiosk = enrolled_kiosk(world)
    first = kiosk.post("/survei/kios/", {**SCORES, "service": "ktp-el", "hall": "another-hall"})
    assert "sudah kami terima" in first.content.decode()
    second = kiosk.post("/survei/kios/", {**SCORES, "service": "ktp-el"})
    assert "Tunggu 20 detik" in second.content.decode()
    assert SurveyResponse.objects.count() == 1
    stored = SurveyResponse.objects.get()
    assert (stored.source, stored.hall.code) == ("kiosk", "mpp")  # the device's hall, not the posted one
    device = kiosks.kiosk_device(kiosk.cookies[kiosks.KIOSK_COOKIE].value)
    caches["ratelimit"].delete(f"kiosk-pace:{device['device']}")  # as if 20 seconds had passed
    kiosk.post("/survei/kios/", {**SCORES, "service": "ktp-el"})  # the next visitor, after the interval
    assert SurveyResponse.objects.count() == 2


def test_an_incomplete_answer_is_refused_with_the_survey_message_and_keeps_the_turn(world):
    kiosk = enrolled_kiosk(world)
    refused = kiosk.post("/survei/kios/", {**SCORES, "u5": ""})
    assert "Setiap unsur harus dinilai 1 sampai 4." in refused.content.decode()
    accepted = kiosk.post("/survei/kios/", SCORES)
    assert "sudah kami terima" in accepted.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_a_forged_or_edited_kiosk_cookie_is_not_an_enrolled_device(world):
    kiosk = enrolled_kiosk(world)
    value = kiosk.cookies[kiosks.KIOSK_COOKIE].value
    forged = Client()
    forged.cookies[kiosks.KIOSK_COOKIE] = value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB")
    forged.post("/survei/kios/", SCORES)
    assert SurveyResponse.objects.count() == 0
    assert kiosks.kiosk_device("") is None and kiosks.kiosk_device("not-signed") is None


def test_only_hall_staff_may_enrol_a_kiosk(world):
    for role in ("operator", "agency_officer", "head"):
        response = world.client(role).post("/survei/kios/daftarkan/")
        assert response.status_code == 403
        assert kiosks.KIOSK_COOKIE not in world.client(role).cookies
    with pytest.raises(Exception) as refused:
        kiosks.kiosk_enroll(actor=world.users["operator"], membership=world.users["operator"].memberships.get())
    assert "petugas Mal Pelayanan Publik" in str(refused.value)
