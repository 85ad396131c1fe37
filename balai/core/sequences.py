"""Gap-free official numbers: one counter per (key, period).

``sequence_next(key="letter:35.10.01.2001:470", period="2026")`` returns 1, 2, 3 … for that key in that
period; another period starts again at 1. Keys name what is counted (``letter:<village>:<scope>``,
``ticket:<queue group id>``; budgets, payments and batches follow the same pattern, e.g.
``payment:<programme>:<village>``), periods name when it restarts (``"2026"`` yearly, ``"2026-12-08"``
daily, ``"-"`` never).

It must run inside the caller's transaction (``transaction.atomic()``): the counter row is updated
first, which takes its write lock (a row lock on PostgreSQL, the database write lock on SQLite)
until the caller commits or rolls back. Concurrent callers for the same key queue up behind it and
read the committed value, so numbers are unique; a rolled-back caller rolls its increment back with
everything else it wrote, so numbers have no gaps. A missing row is created with
``bulk_create(ignore_conflicts=True)``, so two first callers cannot both create it.
"""

from django.db import transaction
from django.db.models import F

from .models import Sequence


def sequence_next(*, key: str, period: str) -> int:
    """Take the next number of ``key`` in ``period`` (inside the caller's transaction)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("sequence_next() must run inside the caller's transaction (transaction.atomic())")
    counters = Sequence.objects.filter(key=key, period=period)
    if not counters.update(last=F("last") + 1):
        Sequence.objects.bulk_create([Sequence(key=key, period=period, last=0)], ignore_conflicts=True)
        counters.update(last=F("last") + 1)
    return counters.values_list("last", flat=True).get()


def sequence_peek(*, key: str, period: str) -> int:
    """The last number taken of ``key`` in ``period`` (0 when none was), without taking one."""
    return Sequence.objects.filter(key=key, period=period).values_list("last", flat=True).first() or 0
