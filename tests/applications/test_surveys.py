from balai.applications.models import SurveyResponse
from balai.applications.services import application_transition

from .factories import make_person, make_service, membership_of, submit

SCORES = {f"u{i}": "4" for i in range(1, 10)}


def test_the_survey_is_answered_once_after_completion_and_counts_in_the_public_ikm(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    client = world.client("anonymous")
    url = f"/survei/{application.survey_token}/"
    assert "setelah permohonan selesai" in client.get(url).content.decode()
    for role, action in [("operator", "verify"), ("secretary", "check"), ("head", "sign")]:
        application_transition(application=application, action=action, user=world.users[role],
                               membership=membership_of(world, role))
    client.post(url, SCORES)
    client.post(url, {**SCORES, "u1": "1"})
    assert SurveyResponse.objects.filter(application=application).count() == 1
    ikm = client.get("/ikm/").content.decode()
    assert "100,00" in ikm and "Sangat Baik" in ikm  # Indonesian decimal comma
    api = client.get("/api/v1/survey-results/?group=service").json()
    assert api["overall"]["respondents"] == 1 and api["groups"][0]["name"] == "sktm"


def test_the_hall_kiosk_takes_surveys_without_an_application(world):
    make_service("ktp-el", workflow="agency")
    kiosk = world.client("counter_officer")
    kiosk.post("/survei/kios/daftarkan/")  # the hall's staff enrol the tablet, then hand it over
    kiosk.post("/survei/kios/", {**SCORES, "u3": "2", "service": "ktp-el", "hall": "mpp"})
    response = SurveyResponse.objects.get()
    assert (response.source, response.hall.code, response.service.code, response.u3) == ("kiosk", "mpp", "ktp-el", 2)
