"""Access matrix of the service catalogue: everything is public (no personal data)."""

from . import PUBLIC


def SETUP(world):
    from tests.services.catalogue_data import load_small_catalogue

    load_small_catalogue()


EXPECTED = {
    "services:index": PUBLIC,
    "services:agency": PUBLIC,
    "services:life_event": PUBLIC,
    "services:detail": PUBLIC,
    "service-list": PUBLIC,
    "service-detail": PUBLIC,
    "agency-list": PUBLIC,
    "agency-detail": PUBLIC,
    "service-life-event-list": PUBLIC,
    "service-life-event-detail": PUBLIC,
}

PARAMS = {
    "services:agency": lambda world: {"code": "dispendukcapil"},
    "services:life_event": lambda world: {"slug": "lahir"},
    "services:detail": lambda world: {"code": "akta-lahir"},
    "service-detail": lambda world: {"code": "akta-lahir"},
    "agency-detail": lambda world: {"code": "dispendukcapil"},
    "service-life-event-detail": lambda world: {"slug": "lahir"},
}
