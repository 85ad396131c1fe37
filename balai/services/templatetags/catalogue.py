from django import template
from django.utils.translation import gettext as _

from balai.core.money import format_rupiah
from balai.services.models import CHANNELS

register = template.Library()


def fee_label(value) -> str:
    """The catalogue's way of showing a fee: 0 → "Gratis", otherwise the one rupiah formatter
    (350000 → "Rp 350.000"). "Gratis" is the catalogue's choice; ``format_rupiah(0)`` is "Rp 0"."""
    if value is None or value == "":
        return ""
    if int(value) == 0:
        return _("Gratis")
    return format_rupiah(value)


@register.filter
def fee(value):
    return fee_label(value)


@register.filter
def channel_label(code):
    return CHANNELS.get(code, code)
