"""Service.fee is a RupiahField: whole rupiah in a 64-bit column, never negative."""

import pytest
from django.db import IntegrityError, transaction

from balai.services.models import Service


def test_a_service_fee_above_the_old_2_1_billion_cap_is_stored_whole(small):
    Service.objects.filter(code="skck").update(fee=5_000_000_000)  # 2^31 - 1 = 2.147.483.647
    assert Service.objects.get(code="skck").fee == 5_000_000_000


def test_the_database_refuses_a_negative_fee_even_past_the_form(small):
    with pytest.raises(IntegrityError), transaction.atomic():
        Service.objects.filter(code="skck").update(fee=-1)


def test_the_service_page_writes_a_fee_above_two_billion_with_dots(small):
    from django.test import Client

    Service.objects.filter(code="skck").update(fee=2_500_000_000)
    assert "Rp 2.500.000.000" in Client().get("/layanan/skck/").content.decode()
