"""The client's address: the one answer every limit and log uses (DRF throttles, Balai's attempt
limits in ``ratelimit.py``, django-axes' login lockout, the access log, document checks).

By default it is the connecting address (``REMOTE_ADDR``); ``X-Forwarded-For`` is a header the client
writes and is ignored, so rotating it changes nothing. Behind ``settings.BALAI_TRUSTED_PROXIES`` = N
reverse proxies that each append the address they saw (nginx: ``proxy_set_header X-Forwarded-For
$proxy_add_x_forwarded_for;``), the client is the N-th address from the right of that header:
everything further left was written by the client and is not believed. A header with fewer entries
than N gives its leftmost entry (the request passed fewer proxies); an entry that is not an IP
address falls back to the connecting address."""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    address = (address or "").strip()
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def client_ip(request) -> str | None:
    """The address of the client that sent ``request``, as far as the trusted proxies vouch for it."""
    meta = request.META
    remote = _valid(meta.get("REMOTE_ADDR", ""))
    proxies = settings.BALAI_TRUSTED_PROXIES
    forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded.strip():
        return remote
    entries = [entry.strip() for entry in forwarded.split(",")]
    return _valid(entries[-min(proxies, len(entries))]) or remote
