import pytest

from tests.queues.factories import light_offices, make_hall


@pytest.fixture
def mpp(db):
    """The MPP as a queue hall, without the full test world (fast)."""
    light_offices()
    return make_hall()


@pytest.fixture
def mpp_world(world):
    """The MPP as a queue hall inside the full test world (users per role)."""
    return make_hall()
