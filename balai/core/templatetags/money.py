"""``{% load money %}``: ``{{ amount|rupiah }}`` → "Rp 1.500.000", ``{{ amount|rupiah_words }}`` →
"satu juta lima ratus ribu rupiah" (see ``balai/core/money.py``). Empty for None or ""; a value that
is not an amount is shown as it is, so a page never breaks on odd data."""

from django import template

from balai.core import money

register = template.Library()


def _forgiving(func, value):
    if value is None or value == "":
        return ""
    try:
        return func(value)
    except (TypeError, ValueError):
        return str(value)


@register.filter
def rupiah(value):
    return _forgiving(money.format_rupiah, value)


@register.filter
def rupiah_words(value):
    return _forgiving(money.rupiah_words, value)
