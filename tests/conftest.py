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
