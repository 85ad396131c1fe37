import datetime as dt

from balai.applications.models import Application, Complaint, SurveyResponse
from balai.applications.services import application_transition

from .factories import make_person, make_service, membership_of, submit

SCORES = {f"u{i}": "4" for i in range(1, 10)}


def test_a_citizen_applies_online_with_data_filled_from_the_registry(world):
    citizen = world.users["citizen"]
    person = make_person(user=citizen, name="Sri Wahyuni")
    make_service("sktm")
    client = world.client("citizen")
    page = client.get("/layanan/sktm/ajukan/")
    assert page.status_code == 200 and "Sri Wahyuni" in page.content.decode()
    response = client.post("/layanan/sktm/ajukan/", {"f_keperluan": "Beasiswa", "idempotency_key": "w1"})
    application = Application.objects.get()
    assert response["Location"] == f"/permohonan/{application.public_id}/"
    assert (application.applicant, application.channel, application.village_id) == (person, "online", person.village_id)
    assert application.data == {"keperluan": "Beasiswa"}


def test_an_operator_finds_a_resident_of_their_village_by_nik_but_not_of_another(world):
    make_service("sktm")
    ours = make_person(name="Warga Sarongan")
    theirs = make_person("35.10.01.2004", name="Warga Sumberagung")
    client = world.client("operator")
    assert "Warga Sarongan" in client.get(f"/layanan/sktm/ajukan/?nik={ours.nik}").content.decode()
    page = client.get(f"/layanan/sktm/ajukan/?nik={theirs.nik}").content.decode()
    assert "Warga Sumberagung" not in page and "NIK tidak ditemukan" in page


def test_the_public_status_page_needs_the_reference_and_the_birth_date(world):
    person = make_person(birth=dt.date(1985, 2, 3))
    application = submit(make_service("sktm"), person, membership=membership_of(world, "operator"))
    client = world.client("anonymous")
    wrong = client.post("/lacak/", {"reference": application.reference, "birth_date": "1985-02-04"})
    assert "tidak ditemukan" in wrong.content.decode()
    spoken = application.reference.lower().replace("-", " ")  # typed as it was read aloud
    right = client.post("/lacak/", {"reference": spoken, "birth_date": "1985-02-03"}).content.decode()
    assert "Diajukan" in right and "Operator desa memeriksa data" in right


def test_guessing_birth_dates_on_the_status_page_is_stopped_after_ten_tries_with_a_wait_message(world):
    person = make_person(birth=dt.date(1985, 2, 3))
    application = submit(make_service("sktm"), person, membership=membership_of(world, "operator"))
    client = world.client("anonymous")
    for day in range(1, 11):  # ten wrong guesses are answered
        wrong = client.post("/lacak/", {"reference": application.reference, "birth_date": f"1985-01-{day:02d}"})
        assert wrong.status_code == 200 and "tidak ditemukan" in wrong.content.decode()
    stopped = client.post("/lacak/", {"reference": application.reference, "birth_date": "1985-02-03"})
    page = stopped.content.decode()
    assert stopped.status_code == 429 and "Terlalu banyak percobaan" in page and "Diajukan" not in page


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
    world.client("anonymous").post("/survei/kios/", {**SCORES, "u3": "2", "service": "ktp-el", "hall": "mpp"})
    response = SurveyResponse.objects.get()
    assert (response.source, response.hall.code, response.service.code, response.u3) == ("kiosk", "mpp", "ktp-el", 2)


def test_a_complaint_is_routed_answered_and_shown_to_the_citizen_by_its_link(world):
    application = submit(make_service("akta", workflow="village_to_agency"), make_person(),
                         membership=membership_of(world, "operator"))
    anonymous = world.client("anonymous")
    response = anonymous.post("/pengaduan/", {"reference": application.reference, "subject": "Lambat",
                                              "body": "Sudah dua minggu", "anonymous": "1", "name": "Rahasia"})
    complaint = Complaint.objects.get()
    assert response["Location"] == f"/pengaduan/{complaint.token}/"
    assert (complaint.office.code, complaint.anonymous, complaint.name) == ("dispendukcapil", True, "")
    assert complaint.response_due > complaint.created_at.date()
    assert world.client("operator").get(f"/pengaduan-masuk/{complaint.public_id}/").status_code == 403
    world.client("agency_officer").post(f"/pengaduan-masuk/{complaint.public_id}/", {"answer": "Sudah kami proses."})
    assert "Sudah kami proses." in anonymous.get(f"/pengaduan/{complaint.token}/").content.decode()


def test_the_api_lets_a_citizen_apply_once_and_staff_move_it(world):
    citizen = world.users["citizen"]
    make_person(user=citizen)
    make_service("sktm")
    client = world.client("citizen")
    body = {"service": "sktm", "data": {"keperluan": "Sekolah"}}
    first = client.post("/api/v1/applications/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1")
    again = client.post("/api/v1/applications/", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1")
    assert first.status_code == again.status_code == 201
    assert first.json()["reference"] == again.json()["reference"] and Application.objects.count() == 1
    public_id = first.json()["public_id"]
    operator = world.client("operator")
    wrong = operator.post(f"/api/v1/applications/{public_id}/transitions/", {"action": "sign"})
    assert wrong.status_code == 409 and "tidak dapat dilakukan" in str(wrong.json())
    moved = operator.post(f"/api/v1/applications/{public_id}/transitions/", {"action": "verify"})
    assert moved.status_code == 200 and moved.json()["status"] == "verified"
    assert [e["to_status"] for e in moved.json()["events"]] == ["submitted", "verified"]


def test_the_openapi_schema_lists_applications_transitions_surveys_and_complaints(world):
    schema = world.client("anonymous").get("/api/schema/").content.decode()
    for path in ("/api/v1/applications/", "/api/v1/applications/{public_id}/transitions/",
                 "/api/v1/survey-results/", "/api/v1/complaints/{token}/"):
        assert path in schema
