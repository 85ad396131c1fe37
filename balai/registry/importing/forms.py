from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas penduduk (CSV atau XLSX/XLSM, termasuk buku kerja OpenSID)"))
    mode = forms.ChoiceField(
        label=_("Cara impor"),
        choices=[("all", _("Semua atau tidak sama sekali (disarankan)")),
                 ("partial", _("Sebagian: simpan baris yang benar, laporkan sisanya")),
                 ("dry", _("Uji coba: hanya periksa, tidak menyimpan"))],
        initial="all", widget=forms.RadioSelect,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 200 MB)."))
        if upload.size == 0:
            raise forms.ValidationError(_("Berkas kosong."))
        return upload
