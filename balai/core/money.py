"""Money: whole rupiah, one way to store, write and spell it.

- ``RupiahField``: a ``BigIntegerField`` of whole rupiah (up to 9.2 × 10^18, far above a regency's
  budget), non-negative unless ``allow_negative=True`` (e.g. a budget correction): a validator with an
  Indonesian message for forms and ``full_clean``. For the database to refuse a negative amount as
  well, the model declares ``models.CheckConstraint(condition=Q(<field>__gte=0), …)`` (``Service``
  does): a column check tied to a custom field type would be dropped by Django's ``AlterField``.
- ``format_rupiah(1500000) == "Rp 1.500.000"``: "Rp", a space, dots between thousands. Zero is
  ``"Rp 0"``; a negative amount puts the minus before the symbol, ``"-Rp 1.500"``. Pages that want a
  word for zero (the catalogue's "Gratis") decide that on top of this, not inside it.
- ``rupiah_words(1500000) == "satu juta lima ratus ribu rupiah"``: the amount in Indonesian words for
  letters and receipts (``terbilang``); zero is ``"nol rupiah"``, a negative amount starts with
  "minus". Written here rather than taken from num2words: num2words 0.5.14 (``lang="id"``) writes
  1.001.000 as "satu juta satu ribu", where Indonesian writes "satu juta seribu" (the thousands group
  of one is always "seribu"). Scales: ribu, juta, miliar, triliun, kuadriliun, kuintiliun (10^18,
  enough for the 64-bit column).
- ``parse_rupiah("Rp 1.500.000") == 1500000``: the amount typed on a form ("1.500.000", "1500000",
  "Rp1.500.000", "1.500.000,00"); a comma or dot followed by exactly two digits at the end is read as
  sen: ",00" is dropped, other sen are refused, since amounts are whole rupiah.
- Template filters ``{% load money %}``: ``{{ amount|rupiah }}``, ``{{ amount|rupiah_words }}``.
"""

from __future__ import annotations

import re

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

__all__ = ["RupiahField", "format_rupiah", "number_words", "parse_rupiah", "rupiah_words"]


def _whole(amount) -> int:
    if isinstance(amount, bool):
        raise TypeError("a rupiah amount is a number, not a bool")
    if isinstance(amount, int):
        return amount
    if isinstance(amount, str):
        return parse_rupiah(amount)
    value = int(amount)  # Decimal, float
    if value != amount:
        raise ValueError(f"{amount!r} is not a whole rupiah amount")
    return value


def format_rupiah(amount) -> str:
    """``1500000`` → ``"Rp 1.500.000"``; ``0`` → ``"Rp 0"``; ``-1500`` → ``"-Rp 1.500"``.

    Accepts ints, whole Decimals/floats and strings that ``parse_rupiah`` reads; anything else raises
    ``ValueError``/``TypeError`` (the template filter is the forgiving one)."""
    value = _whole(amount)
    text = "Rp " + f"{abs(value):,}".replace(",", ".")
    return "-" + text if value < 0 else text


_SEN = re.compile(r"[.,]\d{2}$")
_AMOUNT = re.compile(r"-?(\d+|\d{1,3}([.,]\d{3})+)")


def parse_rupiah(text: str) -> int:
    """Read an amount typed the Indonesian way: ``"Rp 1.500.000"``, ``"1.500.000"``, ``"1500000"``."""
    raw = str(text).strip()
    if raw.lower().startswith("-rp"):
        raw = "-" + raw[3:]
    elif raw.lower().startswith("rp"):
        raw = raw[2:]
    raw = raw.replace(" ", "")
    sen = _SEN.search(raw)
    if sen:
        if sen.group(0)[1:] != "00":
            raise ValueError(f"{text!r} has sen; amounts are whole rupiah")
        raw = raw[: sen.start()]
    if not _AMOUNT.fullmatch(raw):  # digits, or groups of three after the first ("1.500.000")
        raise ValueError(f"{text!r} is not a rupiah amount")
    return int(raw.replace(".", "").replace(",", ""))


_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ("", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun")


def _below_thousand(n: int) -> list[str]:
    words = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_UNITS[hundreds], "ratus"]
    tens, ones = divmod(rest, 10)
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_UNITS[ones], "belas"]
    else:
        if tens:
            words += [_UNITS[tens], "puluh"]
        if ones:
            words.append(_UNITS[ones])
    return words


def number_words(n: int) -> str:
    """A whole number in Indonesian words: 2100000000 → "dua miliar seratus juta"; 0 → "nol"."""
    if n < 0:
        return "minus " + number_words(-n)
    if n == 0:
        return "nol"
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    if len(groups) > len(_SCALES):
        raise ValueError("amount too large to spell")
    words = []
    for scale in range(len(groups) - 1, -1, -1):
        group = groups[scale]
        if not group:
            continue
        if scale == 1 and group == 1:
            words.append("seribu")
            continue
        words += _below_thousand(group)
        if scale:
            words.append(_SCALES[scale])
    return " ".join(words)


def rupiah_words(amount) -> str:
    """``1500000`` → ``"satu juta lima ratus ribu rupiah"``; ``0`` → ``"nol rupiah"``."""
    return number_words(_whole(amount)) + " rupiah"


class RupiahField(models.BigIntegerField):
    """Whole rupiah in a 64-bit integer column. Non-negative by default, with an Indonesian message."""

    description = _("jumlah rupiah")
    default_error_messages = {"negative": _("Jumlah rupiah tidak boleh negatif.")}

    def __init__(self, *args, allow_negative: bool = False, **kwargs):
        self.allow_negative = allow_negative
        super().__init__(*args, **kwargs)

    @cached_property
    def validators(self):
        found = super().validators
        if self.allow_negative:
            return found
        return [*found, MinValueValidator(0, message=self.error_messages["negative"])]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        path = "balai.core.money.RupiahField"
        if self.allow_negative:
            kwargs["allow_negative"] = True
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        if not self.allow_negative:
            kwargs.setdefault("min_value", 0)
        return super().formfield(**kwargs)
