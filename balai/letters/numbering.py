"""Letter numbers: ``[classification code]/[sequence, 3 digits]/[village code]/[Roman month]/[year]``,
e.g. ``470/012/35.10.01.2001/IX/2026``.

Sequences restart every year. ``BALAI_LETTER_NUMBERING`` picks what one sequence counts:

* ``per_type`` (default): each kind of letter of a village has its own sequence. The kind is the
  classification code that opens the number, so two letter types sharing a code (the police cover
  letters, 331) share a sequence and their numbers can never collide;
* ``all``: one sequence for all letters of a village;
* ``register``: one sequence shared with the village's outgoing-mail register (``OutgoingMail``).

The counters are ``core.sequences`` with key ``letter:<village code>:<scope>`` and period ``<year>``;
``letter_sequence_next`` must run inside the issuing transaction: it locks the counter row until the
transaction ends, so concurrent issuances queue up and a rolled-back issuance leaves no gap.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from balai.core.sequences import sequence_next

MODES = ("per_type", "all", "register")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def numbering_mode() -> str:
    mode = getattr(settings, "BALAI_LETTER_NUMBERING", "") or "per_type"
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


def sequence_key(*, village_code: str, scope: str) -> str:
    return f"letter:{village_code}:{scope}"


def letter_sequence_next(*, village_code: str, scope: str, year: int) -> int:
    """Take the next number of a village's letter sequence in a year. Call inside
    ``transaction.atomic()``: the row stays locked until the caller's transaction commits or rolls back."""
    return sequence_next(key=sequence_key(village_code=village_code, scope=scope), period=str(year))
