import pytest

from tests.support.world import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def regions(db):
    from balai.regions.loading import load_regions

    load_regions("35.10")


@pytest.fixture(autouse=True)
def _fresh_attempt_counts():
    """Every test starts with no counted attempts (the rate-limit cache is process memory in tests)."""
    from django.core.cache import caches

    caches["ratelimit"].clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the installation's language (Indonesian). A request in English activates
    English for the thread (LanguageMiddleware, like Django's LocaleMiddleware, does not switch back),
    and a later test on the same worker that calls a service directly would otherwise get English
    messages."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True, scope="session")
def _media_in_a_temporary_directory(tmp_path_factory):
    """Stored files (issued documents' PDFs) go to a temporary MEDIA_ROOT, never into var/media."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield
