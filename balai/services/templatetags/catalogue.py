from django import template
from django.utils.translation import gettext as _

from balai.services.models import CHANNELS

register = template.Library()


def format_rupiah(value) -> str:
    """0 → "Gratis"; 350000 → "Rp 350.000" (Indonesian thousands separator)."""
    if value is None or value == "":
        return ""
    amount = int(value)
    if amount == 0:
        return _("Gratis")
    return "Rp " + f"{amount:,}".replace(",", ".")


@register.filter
def rupiah(value):
    return format_rupiah(value)


@register.filter
def channel_label(code):
    return CHANNELS.get(code, code)
