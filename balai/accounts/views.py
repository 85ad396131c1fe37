from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from balai.core.access import allow, public
from balai.core.documents import qr_svg_data_uri

from . import permissions as perms
from .forms import LoginForm, TokenForm
from .middleware import SESSION_MEMBERSHIP
from .models import Membership, Office
from .otp import code_wait_message, confirmed_device, must_set_up_totp, needs_second_factor
from .services import totp_device_confirm, totp_device_pending


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return fallback


@public
def login_view(request):
    if request.user.is_authenticated and not needs_second_factor(request.user):
        return redirect(_safe_next(request, reverse("accounts:home")))
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)
        next_url = _safe_next(request, reverse("accounts:home"))
        if needs_second_factor(user):
            return redirect(f"{reverse('accounts:otp')}?next={next_url}")
        if must_set_up_totp(user):
            messages.warning(request, _("Administrator wajib memakai verifikasi dua langkah. Atur dulu sekarang."))
            return redirect("accounts:totp_setup")
        return redirect(next_url)
    return render(request, "accounts/login.html", {"form": form, "next": request.GET.get("next", "")})


@allow(perms.authenticated)
def otp_view(request):
    device = confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect("accounts:home")
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        wait = code_wait_message(device)
        if wait:
            form.add_error("token", wait)
            status = 429
        elif device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_safe_next(request, reverse("accounts:home")))
        else:
            form.add_error("token", _("Kode salah atau sudah kedaluwarsa. Lihat kode terbaru di aplikasi Anda."))
    return render(request, "accounts/otp.html", {"form": form, "next": request.GET.get("next", "")}, status=status)


@allow(perms.authenticated)
def totp_setup(request):
    """Set up (or replace) the TOTP device: scan the QR, then confirm one code."""
    if request.user.is_citizen:
        return redirect("accounts:home")
    device = totp_device_pending(user=request.user)
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        wait = code_wait_message(device)
        if wait:
            form.add_error("token", wait)
            status = 429
        elif totp_device_confirm(user=request.user, device=device, token=form.cleaned_data["token"]):
            otp_login(request, device)
            messages.success(request, _("Verifikasi dua langkah aktif."))
            return redirect("accounts:home")
        else:
            form.add_error("token", _("Kode tidak cocok. Pastikan jam ponsel Anda tepat lalu coba lagi."))
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return render(request, "accounts/totp_setup.html", {
        "form": form, "secret": secret, "qr": qr_svg_data_uri(device.config_url),
    }, status=status)


@allow(perms.authenticated)
@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("Anda telah keluar."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@allow(perms.authenticated)
def home(request):
    """Where a signed-in user lands: their office's page, or the citizen's page."""
    if request.user.is_citizen:
        return redirect(settings.CITIZEN_HOME_URL)
    membership = request.membership
    if membership is None:
        return render(request, "accounts/no_membership.html", status=200)
    if membership.office.kind == Office.Kind.VILLAGE:
        return redirect("regions:village", code=membership.office.region_id)
    return redirect("accounts:office", code=membership.office.code)


@allow(perms.staff)
def office_home(request, code):
    office = get_object_or_404(Office.objects.select_related("region"), code=code)
    membership = request.membership
    if office != membership.office and not perms.covers(request, office.region_id):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    districts = office.region.children.order_by("code") if office.region.level <= 3 else []
    return render(request, "accounts/office_home.html", {"office": office, "districts": districts})


@allow(perms.authenticated)
def profile(request):
    return render(request, "accounts/profile.html", {
        "has_totp": confirmed_device(request.user) is not None,
    })


@allow(perms.staff)
@require_POST
def switch_membership(request):
    membership = get_object_or_404(Membership, pk=request.POST.get("membership"), user=request.user, is_active=True)
    request.session[SESSION_MEMBERSHIP] = membership.pk
    messages.success(request, _("Sekarang bekerja sebagai %(m)s.") % {"m": membership})
    return redirect("accounts:home")
