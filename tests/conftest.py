import pytest

from tests.support.world import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def regions(db):
    from balai.regions.loading import load_regions

    load_regions("35.10")
