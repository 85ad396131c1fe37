from django import forms
from django.utils.translation import gettext_lazy as _


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pencabutan"), min_length=5, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))


class TrackForm(forms.Form):
    reference = forms.CharField(label=_("Nomor permohonan"), max_length=12,
                                widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}))
    birth_date = forms.DateField(label=_("Tanggal lahir pemohon"),
                                 widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}))
