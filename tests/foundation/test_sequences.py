"""One gap-free sequence for every official number (core.sequences): per key and period, restarting in
a new period, inside the caller's transaction so that a rollback leaves no gap."""

import pytest
from django.db import transaction

from balai.core.models import Sequence
from balai.core.sequences import sequence_next, sequence_peek

pytestmark = pytest.mark.django_db


def take(key, period):
    with transaction.atomic():
        return sequence_next(key=key, period=period)


def test_each_key_counts_on_its_own_from_one():
    taken = [take("letter:35.10.01.2001:401", "2026"), take("letter:35.10.01.2001:401", "2026"),
             take("letter:35.10.01.2001:470", "2026"), take("letter:35.10.01.2001:401", "2026"),
             take("ticket:7", "2026-12-08")]
    assert taken == [1, 2, 1, 3, 1]


def test_a_new_period_starts_again_at_one_and_the_old_period_keeps_its_count():
    assert [take("ticket:7", "2026-12-08") for _ in range(3)] == [1, 2, 3]
    assert [take("ticket:7", "2026-12-09") for _ in range(2)] == [1, 2]
    assert take("ticket:7", "2026-12-08") == 4
    assert sorted(Sequence.objects.values_list("period", "last")) == [("2026-12-08", 4), ("2026-12-09", 2)]


def test_a_rolled_back_caller_leaves_no_gap():
    assert take("payment:bansos:35.10.01.2001", "2026") == 1
    with pytest.raises(RuntimeError, match="printer on fire"), transaction.atomic():
        assert sequence_next(key="payment:bansos:35.10.01.2001", period="2026") == 2
        raise RuntimeError("printer on fire")
    assert sequence_peek(key="payment:bansos:35.10.01.2001", period="2026") == 1
    assert take("payment:bansos:35.10.01.2001", "2026") == 2


def test_a_rolled_back_first_caller_leaves_no_counter_behind():
    with pytest.raises(RuntimeError), transaction.atomic():
        sequence_next(key="batch:1", period="2026")
        raise RuntimeError("refused")
    assert not Sequence.objects.filter(key="batch:1").exists()
    assert take("batch:1", "2026") == 1


@pytest.mark.django_db(transaction=True)
def test_taking_a_number_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the caller's transaction"):
        sequence_next(key="x", period="2026")
    assert not Sequence.objects.exists()
