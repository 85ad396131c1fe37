"""A new letter type needs two places: its declaration (``declare_letter_type`` in
balai/letters/catalogue.py) and its body template (``letters/pdf/body/<key>.html``). This test declares
one through the same API, with its template in a directory of its own, and issues a letter of it: the
LetterType row, the choice of ``Service.letter_type``, the number, the PDF and its QR all follow."""

import io

import pypdfium2
import pytest
import zxingcpp
from django.core.exceptions import ValidationError

from balai.core.choices import choice_keys
from balai.letters.catalogue import declare_letter_type, undeclare_letter_type
from balai.letters.models import LetterType
from balai.services.models import Service
from tests.letters.factories import issue_letter

KEY = "ahli_waris"
BODY = ("<p>Orang tersebut di atas adalah benar salah satu <strong>ahli waris yang sah</strong> dari almarhum "
        "sebagaimana tercatat dalam data kependudukan {{ village_kind }} {{ village_name }}.</p>")


@pytest.fixture
def heirs_letter_type(settings, tmp_path):
    # Place 1: the declaration.
    declare_letter_type(KEY, "474.3", "Surat Keterangan Ahli Waris", "Persyaratan pengurusan warisan",
                        details=[(("nama_pewaris",), "Nama pewaris", ""),
                                 (("tanggal_meninggal",), "Tanggal meninggal pewaris", "date")])
    # Place 2: its body template (in the project: balai/letters/templates/letters/pdf/body/ahli_waris.html).
    body = tmp_path / "letters" / "pdf" / "body" / f"{KEY}.html"
    body.parent.mkdir(parents=True)
    body.write_text(BODY, encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    yield
    undeclare_letter_type(KEY)


def test_a_declared_letter_type_with_its_template_is_issued_numbered_and_verifiable(world, heirs_letter_type):
    assert not LetterType.objects.filter(key=KEY).exists()
    letter = issue_letter(world, letter_type=KEY, data={"nama_pewaris": "Ahmad Sanusi",
                                                        "tanggal_meninggal": "2026-10-03"})

    row = LetterType.objects.get(key=KEY)
    assert (row.classification_code, row.title, row.template_name) == (
        "474.3", "Surat Keterangan Ahli Waris", "letters/pdf/body/ahli_waris.html")
    assert letter.number.startswith("474.3/001/35.10.01.2001/") and letter.purpose == "Persyaratan pengurusan warisan"
    page = pypdfium2.PdfDocument(io.BytesIO(bytes(letter.pdf)))[0]
    text = " ".join(page.get_textpage().get_text_range().split())
    for expected in ("SURAT KETERANGAN AHLI WARIS", letter.number, "ahli waris yang sah", "Desa Sarongan",
                     "Nama pewaris : Ahmad Sanusi", "3 Oktober 2026", "Persyaratan pengurusan warisan"):
        assert expected in text, expected
    decoded = [r.text for r in zxingcpp.read_barcodes(page.render(scale=2).to_pil())]
    assert decoded == [f"http://127.0.0.1:8000/verifikasi/{letter.verification_token}/"]
    assert letter.document.kind == "letter"


def test_a_declared_letter_type_is_a_valid_service_letter_type_and_an_undeclared_one_is_not(heirs_letter_type):
    assert KEY in choice_keys("letter_type")

    def letter_type_errors(letter_type):
        service = Service(code="ahli-waris", name="Surat Keterangan Ahli Waris", workflow="village_letter",
                          letter_type=letter_type)
        try:
            service.clean()
        except ValidationError as error:
            return error.message_dict.get("letter_type", [])
        return []

    assert letter_type_errors(KEY) == []
    assert letter_type_errors("surat_tak_dikenal") == ["Jenis surat desa tidak dikenal."]


def test_after_every_migrate_each_declared_letter_type_has_its_row(db, heirs_letter_type):
    from django.apps import apps

    from balai.letters.apps import sync_letter_types
    from balai.letters.catalogue import LETTER_TYPES

    sync_letter_types(apps=apps)  # what post_migrate runs
    assert set(LetterType.objects.values_list("key", flat=True)) == set(LETTER_TYPES) and len(LETTER_TYPES) == 12
