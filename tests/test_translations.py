"""English translations of the UI: every catalogue is complete, and the language switch works.

Every gettext catalogue under ``balai/`` (the project catalogue in ``balai/locale`` and each app's
``balai/<app>/locale``) must be fully translated with no fuzzy entries; a fuzzy or empty msgstr would
silently show Indonesian text to an English reader.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

BALAI = Path(__file__).resolve().parent.parent / "balai"
PROJECT_CATALOGUES = sorted(BALAI.glob("locale/*/LC_MESSAGES/*.po"))
APP_CATALOGUES = sorted(BALAI.glob("*/locale/*/LC_MESSAGES/*.po"))
CATALOGUES = PROJECT_CATALOGUES + APP_CATALOGUES

ENGLISH_PHRASE = "What you can do here"
INDONESIAN_PHRASE = "Apa yang bisa Anda lakukan di sini"


def _label(entry):
    return repr(entry.msgid if not entry.msgctxt else f"{entry.msgctxt}|{entry.msgid}")


def test_the_project_catalogue_exists_for_english():
    assert BALAI / "locale/en/LC_MESSAGES/django.po" in PROJECT_CATALOGUES


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(BALAI)))
def test_every_catalogue_has_no_untranslated_and_no_fuzzy_entries(po_path):
    po = polib.pofile(str(po_path))
    untranslated = [_label(e) for e in po.untranslated_entries()]
    fuzzy = [_label(e) for e in po.fuzzy_entries()]
    assert not untranslated, f"{po_path.relative_to(BALAI)}: untranslated msgids: " + ", ".join(untranslated)
    assert not fuzzy, f"{po_path.relative_to(BALAI)}: fuzzy msgids: " + ", ".join(fuzzy)


@pytest.fixture
def compiled_translations():
    call_command("compile_translations", verbosity=0)
    # Overriding LOCALE_PATHS fires setting_changed, which drops Django's cached catalogues, so the
    # freshly built .mo files are read even if this process already loaded a language before.
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
        yield


@pytest.mark.django_db
def test_home_page_is_in_english_when_the_visitor_chooses_english(client, compiled_translations):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/")
    text = response.content.decode()
    assert response.status_code == 200
    assert ENGLISH_PHRASE in text
    assert INDONESIAN_PHRASE not in text
    assert '<html lang="en">' in text


@pytest.mark.django_db
def test_home_page_is_in_indonesian_by_default(client, compiled_translations):
    response = client.get("/")
    text = response.content.decode()
    assert response.status_code == 200
    assert INDONESIAN_PHRASE in text
    assert ENGLISH_PHRASE not in text
