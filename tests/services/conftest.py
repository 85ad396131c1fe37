import pytest

from tests.services.catalogue_data import load_small_catalogue


@pytest.fixture
def offices(regions):
    """Banyuwangi's regions and offices (agencies included) without the world's users: faster."""
    from balai.accounts.demo import ensure_offices

    ensure_offices("35.10")


@pytest.fixture
def small(offices):
    return load_small_catalogue()


@pytest.fixture
def full_catalogue(offices):
    from balai.services.catalogue import load_catalogue

    return load_catalogue()
