"""TOTP two-factor: required for administrators, available to every staff member."""

import math

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import Role


def needs_second_factor(user) -> bool:
    """A signed-in user with a confirmed device who has not yet given a code in this session."""
    verified = getattr(user, "is_verified", None)  # set by django_otp's middleware on request.user
    return user.is_authenticated and not (verified and verified()) and user_has_device(user, confirmed=True)


def must_set_up_totp(user) -> bool:
    return (
        user.is_authenticated
        and not user_has_device(user, confirmed=True)
        and user.memberships.filter(role=Role.ADMINISTRATOR, is_active=True).exists()
    )


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def code_wait_message(device) -> str:
    """The message for a code attempt the device refuses to check yet (django_otp doubles the wait
    after each wrong code: 1, 2, 4 … seconds), "" when a code may be tried now. A throttled attempt
    is not checked at all, so telling the user "wrong code" would be false (and sends them to retry
    at once, which lengthens nothing but their confusion)."""
    allowed, info = device.verify_is_allowed()
    if allowed:
        return ""
    locked_until = (info or {}).get("locked_until")
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds())) if locked_until else 1
    return _("Terlalu banyak percobaan kode yang salah. Tunggu %(seconds)s detik, lalu masukkan kode terbaru.") % {
        "seconds": seconds}


BEFORE_SECOND_FACTOR = "balai_before_second_factor"


def before_second_factor(view):
    """Mark a view as reachable before the TOTP code is given (e.g. the language switch of portal)."""
    setattr(view, BEFORE_SECOND_FACTOR, True)
    return view


class SecondFactorMiddleware:
    """Until the code is given, a user with a TOTP device can only reach the code page and logout."""

    ALLOWED_NAMES = {"accounts:otp", "accounts:logout", "accounts:totp_setup"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        name = match.view_name if match else ""
        if (name in self.ALLOWED_NAMES or getattr(view_func, BEFORE_SECOND_FACTOR, False)
                or request.path.startswith("/static/")):
            return None
        if needs_second_factor(request.user):
            return redirect(f"{reverse('accounts:otp')}?next={request.get_full_path()}")
        return None
