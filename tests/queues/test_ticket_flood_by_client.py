"""The public ticket API is limited per client: a client that rotates X-Forwarded-For is still one
client (the probe of issue 12 took 150 tickets and the hall's daily quota that way)."""

import pytest
from django.core.cache import caches

from balai.core.throttling import PublicThrottle
from balai.queues.models import Ticket

from .factories import light_offices, make_hall


@pytest.fixture
def roomy_hall(db):
    light_offices()
    caches["default"].clear()  # DRF's throttle history: none before, none left for the next tests
    yield make_hall(daily_quota=1000)  # the quota must not be what stops the flood
    caches["default"].clear()


def test_160_tickets_with_a_rotating_forwarded_header_are_limited_as_one_client(roomy_hall, client, settings):
    settings.BALAI_TRUSTED_PROXIES = 0
    rate = PublicThrottle().parse_rate(PublicThrottle().get_rate())[0]  # 120 a minute by default
    assert rate < 160
    codes = [client.post("/api/v1/tickets/", {"hall": "mpp", "service": "uji-nib"}, content_type="application/json",
                         HTTP_X_FORWARDED_FOR=f"10.7.{n // 200}.{n % 200 + 1}").status_code for n in range(160)]
    assert codes.count(201) == rate and codes.count(429) == 160 - rate
    assert Ticket.objects.count() == rate
