from balai.applications.models import Application

from .factories import make_person, make_service


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
