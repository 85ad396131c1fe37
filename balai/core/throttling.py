"""The one DRF throttle of the public API: anonymous requests per client address, at
``DEFAULT_THROTTLE_RATES["public"]`` (``BALAI_PUBLIC_API_RATE``). The address is
``balai.core.client.client_ip`` (the same as Balai's attempt limits and the login lockout), never the
``X-Forwarded-For`` header as the client sent it."""

from rest_framework.throttling import AnonRateThrottle

from .client import client_ip


class PublicThrottle(AnonRateThrottle):
    scope = "public"

    def get_ident(self, request):
        return client_ip(request) or "unknown"
