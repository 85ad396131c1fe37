"""Access matrix of the queue: kiosk, booking, ticket pages, board and their API are public; the
counter console is for the hall's counter officers; analytics for hall staff and regency oversight."""

from tests.support.world import ROLES

COUNTER_STAFF = {"counter_officer"}
ANALYTICS = {"counter_officer", "administrator", "auditor", "viewer"}
EVERYONE = set(ROLES)

EXPECTED = {
    "queues:home": EVERYONE,
    "queues:kiosk": EVERYONE,
    "queues:booking_new": EVERYONE,
    "queues:booking": EVERYONE,
    "queues:booking_cancel": EVERYONE,
    "queues:board": EVERYONE,
    "queues:ticket": EVERYONE,
    "queues:ticket_status": EVERYONE,
    "queues:ticket_print": EVERYONE,
    "queues:survey": EVERYONE,
    "queues:console_home": COUNTER_STAFF,
    "queues:console": COUNTER_STAFF,
    "queues:console_action": COUNTER_STAFF,
    "queues:analytics": ANALYTICS,
    "queues:analytics_csv": ANALYTICS,
    "queue-ticket-create": EVERYONE,
    "queue-ticket-detail": EVERYONE,
    "queue-booking-create": EVERYONE,
    "queue-booking-detail": EVERYONE,
    "queue-booking-checkin": EVERYONE,
    "queue-board": EVERYONE,
    "queue-counter-action": COUNTER_STAFF,
}


def SETUP(world):
    from datetime import timedelta

    from django.utils import timezone

    from balai.queues import services
    from tests.queues.factories import make_hall

    made = make_hall()
    ticket = services.ticket_issue(hall=made["hall"], service=made["ktp"])
    booking = services.booking_create(hall=made["hall"], service=made["ktp"],
                                      day=timezone.localdate() + timedelta(days=1),
                                      slot=made["hall"].slots()[0], name="Warga Uji", phone="081234567890")
    world.extra["queue"] = {"ticket": ticket.public_id, "booking": booking.token, "counter": made["counters"][0].pk}


def _q(world, key):
    return world.extra["queue"][key]


PARAMS = {
    "queues:kiosk": lambda world: {"hall": "mpp"},
    "queues:booking_new": lambda world: {"hall": "mpp"},
    "queues:board": lambda world: {"hall": "mpp"},
    "queues:booking": lambda world: {"token": _q(world, "booking")},
    "queues:booking_cancel": lambda world: {"token": _q(world, "booking")},
    "queues:ticket": lambda world: {"public_id": _q(world, "ticket")},
    "queues:ticket_status": lambda world: {"public_id": _q(world, "ticket")},
    "queues:ticket_print": lambda world: {"public_id": _q(world, "ticket")},
    "queues:survey": lambda world: {"public_id": _q(world, "ticket")},
    "queues:console": lambda world: {"pk": _q(world, "counter")},
    "queues:console_action": lambda world: {"pk": _q(world, "counter")},
    "queue-ticket-detail": lambda world: {"public_id": _q(world, "ticket")},
    "queue-booking-detail": lambda world: {"token": _q(world, "booking")},
    "queue-booking-checkin": lambda world: {"token": _q(world, "booking")},
    "queue-board": lambda world: {"code": "mpp"},
    "queue-counter-action": lambda world: {"pk": _q(world, "counter")},
}
