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


@pytest.fixture(autouse=True, scope="session")
def _media_in_a_temporary_directory(tmp_path_factory):
    """Stored files (issued documents' PDFs) go to a temporary MEDIA_ROOT, never into var/media."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield
