"""Small formatting helpers for letters: Indonesian dates and masked names (amounts: ``balai.core.money``)."""

import datetime

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")


def tanggal_indonesia(value) -> str:
    """``date(2026, 9, 7)`` -> ``7 September 2026``; ISO strings are accepted; other values pass through."""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"
    return "" if value is None else str(value)


def mask_name(name: str) -> str:
    """Show a little of each word so a checker can recognise the holder without learning the name:
    ``Siti Aminah`` -> ``Si** Am****``; one- or two-letter words keep their first letter."""
    masked = []
    for word in (name or "").split():
        keep = 2 if len(word) > 3 else 1
        masked.append(word[:keep] + "*" * (len(word) - keep))
    return " ".join(masked)

