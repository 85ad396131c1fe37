from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class VerifyUploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas PDF surat"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimal 10 MB)."))
        return upload


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Alasan pencabutan"), min_length=5, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))


class TrackForm(forms.Form):
    reference = forms.CharField(label=_("Nomor permohonan"), max_length=12,
                                widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}))
    birth_date = forms.DateField(label=_("Tanggal lahir pemohon"),
                                 widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}))
