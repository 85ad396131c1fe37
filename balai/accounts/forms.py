from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    # max_length here, not only the one AuthenticationForm sets after the field is built (that one adds
    # no validator): a longer name is refused by the form before it reaches authenticate() and axes,
    # whose attempt log keeps at most 255 characters (PostgreSQL would refuse the row: a 500).
    username = forms.CharField(label=_("Nama pengguna"), max_length=150,
                               error_messages={"max_length": _("Nama pengguna paling banyak 150 karakter.")}, widget=forms.TextInput(attrs={"autofocus": True,
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
