from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Booking, Priority

SKM_ELEMENTS = [
    ("u1", _("Persyaratan")),
    ("u2", _("Sistem, mekanisme, dan prosedur")),
    ("u3", _("Waktu penyelesaian")),
    ("u4", _("Biaya/tarif")),
    ("u5", _("Produk spesifikasi jenis pelayanan")),
    ("u6", _("Kompetensi pelaksana")),
    ("u7", _("Perilaku pelaksana")),
    ("u8", _("Penanganan pengaduan, saran dan masukan")),
    ("u9", _("Sarana dan prasarana")),
]
SKM_SCALE = [(1, _("Tidak baik")), (2, _("Kurang baik")), (3, _("Baik")), (4, _("Sangat baik"))]


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


class SurveyForm(forms.Form):
    comment = forms.CharField(label=_("Saran"), required=False, max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in SKM_ELEMENTS:
            self.fields[key] = forms.TypedChoiceField(label=label, choices=SKM_SCALE, coerce=int,
                                                      widget=forms.RadioSelect)
        self.order_fields([key for key, _label in SKM_ELEMENTS] + ["comment"])

    def element_fields(self):
        return [self[key] for key, _label in SKM_ELEMENTS]


__all__ = ["Booking", "BookingForm", "SurveyForm", "SKM_ELEMENTS"]
