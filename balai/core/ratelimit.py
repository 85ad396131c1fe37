"""Attempt limits for public forms that check a secret (an application's reference and birth date on
the status page and the letter download form, a citizen's NIK + KK + birth date) or cost the server work (hashing an uploaded PDF): a client that
tries too often in a window is told to wait, with HTTP 429.

Counted per client address (``balai.core.client.client_ip``: the connecting address, or the one the
trusted proxies vouch for), and per account where there is one, in the ``ratelimit`` cache: local
memory by default, Redis when ``CACHE_URL`` is set (then shared by every web process). Limits per
scope in ``settings.BALAI_ATTEMPT_LIMITS`` as (attempts, seconds)."""

import time

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext as _

from .client import client_ip

DEFAULT_LIMITS = {
    "track": (10, 600),  # application status: reference + birth date
    "citizen_link": (5, 3600),  # linking an account: NIK + KK number + birth date
    "verify_upload": (20, 600),  # letter verification by upload (hashes up to 10 MB)
    "letter_download": (10, 600),  # downloading a finished letter: reference + birth date
}


def limit_for(scope: str) -> tuple[int, int]:
    return {**DEFAULT_LIMITS, **getattr(settings, "BALAI_ATTEMPT_LIMITS", {})}[scope]


def attempt_allowed(request, scope: str) -> bool:
    """Count one attempt of ``scope`` by this client; False once it is over the limit of the window."""
    limit, window = limit_for(scope)
    who = client_ip(request) or "unknown"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        who += f":u{user.pk}"
    key = f"attempts:{scope}:{who}:{int(time.time() // window)}"
    cache = caches["ratelimit"]
    if cache.add(key, 1, timeout=window + 5):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 5)
        return True


def too_many_attempts_message(scope: str) -> str:
    minutes = max(1, limit_for(scope)[1] // 60)
    return _("Terlalu banyak percobaan dari perangkat ini. Coba lagi dalam %(minutes)s menit.") % {"minutes": minutes}
