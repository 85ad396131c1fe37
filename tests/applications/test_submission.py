import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.applications.models import REFERENCE_ALPHABET, Application
from balai.applications.services import MAX_UPLOAD_BYTES, attachment_add
from tests.support.images import image_bytes

from .factories import make_person, make_service, membership_of, submit

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = image_bytes("PNG")  # a real 2×2 image: images must open with Pillow, magic bytes alone are not enough


def test_submitting_twice_with_the_same_key_creates_one_application(world):
    service, person = make_service("sktm"), make_person()
    first = submit(service, person, membership=membership_of(world, "operator"), idempotency_key="klik-1")
    second = submit(service, person, membership=membership_of(world, "operator"), idempotency_key="klik-1")
    assert first.pk == second.pk
    assert Application.objects.count() == 1
    assert first.events.count() == 1


def test_the_operators_double_click_on_the_apply_page_creates_one_application(world):
    make_service("sktm")
    person = make_person()
    client = world.client("operator")
    payload = {"applicant_nik": person.nik, "f_keperluan": "Berobat", "idempotency_key": "abc123"}
    first = client.post("/layanan/sktm/ajukan/", payload)
    second = client.post("/layanan/sktm/ajukan/", payload)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Application.objects.count() == 1


def test_the_reference_is_short_and_easy_to_read_aloud(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    code = application.reference.replace("-", "")
    assert len(code) == 8 and all(ch in REFERENCE_ALPHABET for ch in code)
    assert not set(code) & set("01OI")


def test_form_fields_are_validated_against_the_service_definition(world):
    service = make_service("sktm")
    with pytest.raises(ValidationError) as refused:
        submit(service, make_person(), data={"keperluan": "", "jumlah": "dua"},
               membership=membership_of(world, "operator"))
    assert set(refused.value.message_dict) == {"keperluan", "jumlah"}
    assert "wajib diisi" in refused.value.message_dict["keperluan"][0]


def test_required_uploads_must_be_present(world):
    service = make_service("kk", workflow="agency", requirements=[{"name": "Surat nikah", "upload": True}])
    with pytest.raises(ValidationError, match="Surat nikah"):
        submit(service, make_person(), channel="counter", membership=membership_of(world, "counter_officer"))
    upload = SimpleUploadedFile("nikah.pdf", PDF, content_type="application/pdf")
    application = submit(service, make_person(), channel="counter", uploads={"Surat nikah": upload},
                         membership=membership_of(world, "counter_officer"))
    assert application.attachments.get().extension == "pdf"


def test_uploads_are_checked_by_content_not_by_name(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    disguised = SimpleUploadedFile("ktp.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="bukan PDF, JPEG atau PNG"):
        attachment_add(application=application, requirement="KTP", upload=disguised)
    renamed_png = SimpleUploadedFile("foto.pdf", PNG, content_type="application/pdf")
    stored = attachment_add(application=application, requirement="Foto", upload=renamed_png)
    assert (stored.extension, stored.content_type) == ("png", "image/png")
    assert stored.file.name.startswith("private/applications/") and stored.file.name.endswith(".png")


def test_uploads_above_five_megabytes_are_refused(world):
    application = submit(make_service("sktm"), make_person(), membership=membership_of(world, "operator"))
    big = SimpleUploadedFile("besar.pdf", b"%PDF-" + b"0" * MAX_UPLOAD_BYTES, content_type="application/pdf")
    with pytest.raises(ValidationError, match="5 MB"):
        attachment_add(application=application, requirement="KTP", upload=big)
    assert not application.attachments.exists()


def test_a_service_not_offered_on_a_channel_refuses_that_channel(world):
    service = make_service("online-saja", channels=("online",))
    with pytest.raises(ValidationError, match="kanal"):
        submit(service, make_person(), channel="village", membership=membership_of(world, "operator"))
