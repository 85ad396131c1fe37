"""A citizen applies through the API for a service that needs files: multipart with one part per
upload requirement, checked like the web form; nothing is written when a file is refused."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from balai.applications.models import Application, Attachment

from .factories import make_person, make_service

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


def _service():
    return make_service("kk", workflow="agency", form=[],
                        requirements=[{"name": "Surat nikah", "upload": True}, {"name": "KTP", "upload": False}])


def test_a_citizen_applies_with_the_required_file_in_a_multipart_request(world):
    make_person(user=world.users["citizen"])
    _service()
    response = world.client("citizen").post("/api/v1/applications/", {
        "service": "kk", "data": json.dumps({}), "Surat nikah": SimpleUploadedFile("nikah.pdf", PDF)})
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get()
    assert (attachment.requirement, attachment.extension, attachment.size) == ("Surat nikah", "pdf", len(PDF))
    assert attachment.application.reference == response.json()["reference"]


def test_without_the_required_file_the_api_refuses_and_writes_nothing(world):
    make_person(user=world.users["citizen"])
    _service()
    response = world.client("citizen").post("/api/v1/applications/", {"service": "kk", "data": "{}"})
    assert response.status_code == 400 and "Surat nikah" in json.dumps(response.json())
    assert Application.objects.count() == 0


def test_a_file_that_is_not_a_pdf_jpeg_or_png_is_refused_with_the_forms_message(world):
    make_person(user=world.users["citizen"])
    _service()
    disguised = SimpleUploadedFile("nikah.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = world.client("citizen").post("/api/v1/applications/", {"service": "kk", "Surat nikah": disguised})
    assert response.status_code == 400 and "bukan PDF, JPEG atau PNG" in json.dumps(response.json())
    assert Application.objects.count() == 0 and Attachment.objects.count() == 0


def test_a_file_part_that_names_no_requirement_and_bad_data_json_are_refused(world):
    make_person(user=world.users["citizen"])
    _service()
    client = world.client("citizen")
    stranger = client.post("/api/v1/applications/", {
        "service": "kk", "Surat nikah": SimpleUploadedFile("a.pdf", PDF), "Foto": SimpleUploadedFile("b.pdf", PDF)})
    assert stranger.status_code == 400 and "Foto" in stranger.json()["detail"]
    broken = client.post("/api/v1/applications/", {"service": "kk", "data": "{keperluan:"})
    assert broken.status_code == 400 and "objek JSON" in broken.json()["detail"]
    assert Application.objects.count() == 0
