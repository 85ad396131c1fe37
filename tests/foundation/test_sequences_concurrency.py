"""core.sequences under real concurrency on PostgreSQL: threads, each with its own connection, take
numbers of one key at once (the first ones also race to create the counter row)."""

import pytest
from django.db import connection, transaction

from balai.core.models import Sequence
from balai.core.sequences import sequence_next
from tests.support.threads import run_in_threads

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks between connections"),
    pytest.mark.django_db(transaction=True),
]



def test_forty_callers_at_once_get_forty_consecutive_numbers_and_one_counter_row():
    def three_numbers(_i):
        taken = []
        for _ in range(3):
            with transaction.atomic():
                taken.append(sequence_next(key="payment:bansos", period="2026"))
        return taken

    results, errors = run_in_threads(40, three_numbers)
    assert errors == []
    assert sorted(n for taken in results for n in taken) == list(range(1, 121))
    assert list(Sequence.objects.values_list("key", "period", "last")) == [("payment:bansos", "2026", 120)]


def test_callers_that_roll_back_under_concurrency_leave_no_gap():
    def take_and_maybe_fail(i):
        try:
            with transaction.atomic():
                number = sequence_next(key="batch:7", period="2026")
                if i % 3 == 0:
                    raise ValueError("refused")
                return number
        except ValueError:
            return None

    results, errors = run_in_threads(30, take_and_maybe_fail)
    assert errors == []
    kept = sorted(n for n in results if n is not None)
    assert kept == list(range(1, 21))  # 10 of the 30 rolled back: the 20 kept are 1..20
    assert Sequence.objects.get(key="batch:7").last == 20
