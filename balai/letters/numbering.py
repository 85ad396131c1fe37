"""Letter numbers: ``[classification code]/[sequence, 3 digits]/[village code]/[Roman month]/[year]``,
e.g. ``470/012/35.10.01.2001/IX/2026``.

Sequences restart every year. ``BALAI_LETTER_NUMBERING`` picks what one sequence counts:

* ``per_type`` (default): each kind of letter of a village has its own sequence. The kind is the
  classification code that opens the number, so two letter types sharing a code (the police cover
  letters, 331) share a sequence and their numbers can never collide;
* ``all``: one sequence for all letters of a village;
* ``register``: one sequence shared with the village's outgoing-mail register (``OutgoingMail``).

``sequence_next`` must run inside the issuing transaction: it locks the counter row until the
transaction ends, so concurrent issuances queue up and a rolled-back issuance leaves no gap.
"""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from .models import LetterSequence

MODES = ("per_type", "all", "register")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def numbering_mode() -> str:
    mode = getattr(settings, "BALAI_LETTER_NUMBERING", None) or os.environ.get("BALAI_LETTER_NUMBERING", "per_type")
    if mode not in MODES:
        raise ImproperlyConfigured(f"BALAI_LETTER_NUMBERING must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def sequence_scope(classification_code: str, mode: str | None = None) -> str:
    mode = mode or numbering_mode()
    return {"per_type": classification_code, "all": "*", "register": "register"}[mode]


def roman_month(month: int) -> str:
    return ROMAN_MONTHS[month - 1]


def format_number(*, classification_code: str, sequence: int, village_code: str, month: int, year: int) -> str:
    return f"{classification_code}/{sequence:03d}/{village_code}/{roman_month(month)}/{year}"


def sequence_next(*, village_code: str, scope: str, year: int) -> int:
    """Take the next number of a sequence. Call inside ``transaction.atomic()``: the row stays locked
    until the caller's transaction commits or rolls back."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("sequence_next() must run inside the issuing transaction")
    # Create the counter row if missing without racing: a concurrent insert of the same key is ignored.
    LetterSequence.objects.bulk_create(
        [LetterSequence(village_id=village_code, scope=scope, year=year, last_number=0)], ignore_conflicts=True
    )
    counter = LetterSequence.objects.select_for_update().get(village_id=village_code, scope=scope, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number
