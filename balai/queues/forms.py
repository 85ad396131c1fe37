from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Booking, Priority


class BookingForm(forms.Form):
    service = forms.ChoiceField(label=_("Layanan"))
    day = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    slot = forms.ChoiceField(label=_("Jam"))
    name = forms.CharField(label=_("Nama"), max_length=120)
    nik = forms.CharField(label=_("NIK"), max_length=16, required=False,
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    phone = forms.CharField(label=_("Nomor HP (WhatsApp)"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel"}))
    priority = forms.ChoiceField(label=_("Prioritas"), choices=Priority.choices, required=False)

    def __init__(self, *args, hall, offerings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [(o.service.code, f"{o.group.prefix} · {o.service.name}") for o in offerings]
        self.fields["slot"].choices = [(f"{s:%H:%M}", f"{s:%H:%M}") for s in hall.slots()]
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-select" if isinstance(field, forms.ChoiceField)
                                          else "form-control")


__all__ = ["Booking", "BookingForm"]
