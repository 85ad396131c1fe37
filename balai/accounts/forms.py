from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(label=_("Nama pengguna"), widget=forms.TextInput(attrs={"autofocus": True,
                               "autocomplete": "username", "class": "form-control"}))
    password = forms.CharField(label=_("Kata sandi"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password",
                                                                 "class": "form-control"}))
    error_messages = {
        "invalid_login": _("Nama pengguna atau kata sandi salah. Periksa huruf besar/kecil lalu coba lagi."),
        "inactive": _("Akun ini tidak aktif. Hubungi administrator."),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Kode 6 angka dari aplikasi autentikator"), max_length=6, min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code",
                                      "class": "form-control form-control-lg", "autofocus": True}),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError(_("Kode hanya berisi 6 angka."))
        return token
