"""Uploads (balai/core/uploads.py): checked by content and size, images really open, random private
names, served only as an attachment with safe headers."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from balai.core.uploads import IMAGES, file_response, private_upload_path, sniff_extension, upload_check
from tests.support.images import image_bytes, photo_with_gps

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


def _file(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_the_type_is_read_from_the_first_bytes_not_from_the_name():
    assert sniff_extension(PDF[:16]) == "pdf"
    assert sniff_extension(image_bytes("JPEG")[:16]) == "jpg"
    assert sniff_extension(image_bytes("PNG")[:16]) == "png"
    assert sniff_extension(b"MZ\x90\x00") is None  # a Windows program
    checked = upload_check(_file("foto.pdf", image_bytes("PNG"), "application/pdf"))
    assert (checked.extension, checked.content_type) == ("png", "image/png")


def test_a_checked_upload_carries_its_bytes_size_and_sha256():
    checked = upload_check(_file("surat.pdf", PDF))
    assert checked.content == PDF and checked.size == len(PDF) == 33
    assert checked.sha256 == hashlib.sha256(PDF).hexdigest()
    assert checked.original_name == "surat.pdf"


def test_a_file_over_the_limit_is_refused_with_the_limit_in_the_message():
    with pytest.raises(ValidationError) as caught:
        upload_check(_file("besar.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024)))
    assert caught.value.messages == ["Berkas terlalu besar: paling banyak 5 MB."]
    with pytest.raises(ValidationError) as caught:
        upload_check(_file("kecil.pdf", PDF), max_bytes=20)
    assert caught.value.messages == ["Berkas terlalu besar: paling banyak 20 B."]
    with pytest.raises(ValidationError, match="paling banyak 512 KB."):
        upload_check(_file("besar.pdf", b"%PDF-" + b"0" * (512 * 1024)), max_bytes=512 * 1024)


def test_a_file_exactly_at_the_limit_is_accepted():
    content = b"%PDF-" + b"0" * (1024 - 5)
    assert upload_check(_file("pas.pdf", content), max_bytes=1024).size == 1024


def test_a_size_that_lies_is_caught_while_reading():
    upload = _file("besar.pdf", b"%PDF-" + b"0" * 2000)
    upload.size = 100  # the client said 100 bytes
    with pytest.raises(ValidationError, match="Berkas terlalu besar: paling banyak 1 KB."):
        upload_check(upload, max_bytes=1024)


def test_a_file_that_is_not_a_pdf_jpeg_or_png_is_refused_by_name():
    with pytest.raises(ValidationError) as caught:
        upload_check(_file("ktp.pdf", b"MZ\x90\x00 not a pdf"))
    assert caught.value.messages == ["Berkas “ktp.pdf” bukan PDF, JPEG atau PNG."]
    with pytest.raises(ValidationError) as caught:
        upload_check(_file("surat.pdf", PDF), allowed=IMAGES)
    assert caught.value.messages == ["Berkas “surat.pdf” bukan JPEG atau PNG."]


def test_a_file_with_jpeg_magic_and_garbage_behind_it_is_refused():
    with pytest.raises(ValidationError) as caught:
        upload_check(_file("foto.jpg", b"\xff\xd8\xff\xe0" + b"garbage" * 20))
    assert caught.value.messages == [
        "Berkas “foto.jpg” tidak dapat dibuka sebagai gambar JPEG: berkasnya rusak atau bukan gambar."]


def test_a_truncated_photo_is_refused_and_a_whole_one_accepted():
    photo = photo_with_gps(lat=(8, 13, 10.8), lng=(114, 22, 1.2))
    assert upload_check(_file("foto.jpg", photo)).extension == "jpg"
    with pytest.raises(ValidationError, match="tidak dapat dibuka sebagai gambar JPEG"):
        upload_check(_file("foto.jpg", photo[: len(photo) // 2]))


def test_a_png_with_a_broken_checksum_is_refused():
    png = bytearray(image_bytes("PNG"))
    png[30] ^= 0xFF  # inside the IHDR chunk, whose CRC no longer matches
    with pytest.raises(ValidationError, match="tidak dapat dibuka sebagai gambar PNG"):
        upload_check(_file("foto.png", bytes(png)))


def test_stored_names_are_random_private_and_keep_only_the_real_extension():
    first, second = private_upload_path("applications/abc", "png"), private_upload_path("applications/abc", "png")
    assert first != second
    assert first.startswith("private/applications/abc/") and first.endswith(".png")
    assert len(first.rsplit("/", 1)[1]) == len("0123456789abcdef0123456789abcdef.png")


def test_a_stored_file_is_served_as_an_attachment_with_safe_headers(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save(private_upload_path("test", "pdf"), ContentFile(PDF))
    with default_storage.open(name) as stored:
        response = file_response(stored, content_type="application/pdf", filename="REF-1.pdf")
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="REF-1.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content) == PDF


def test_a_file_missing_from_storage_is_not_found(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    class Missing:
        def open(self, mode):
            raise FileNotFoundError

    with pytest.raises(Http404):
        file_response(Missing(), content_type="application/pdf", filename="x.pdf")
