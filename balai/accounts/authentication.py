"""API token authentication that acts in a membership, like the session.

``MembershipMiddleware`` runs before DRF and sees an anonymous visitor when the request carries
``Authorization: Token …``: the token's user is only known once DRF authenticates it. This class
resolves the membership right then, so every predicate and ``scope_for(request)`` sees the same
membership and region scope a session of that user would (the first active membership; the
``X-Balai-Membership: <id>`` header, an id from ``GET /api/v1/me/``, picks another of the user's own,
as the role switch does for the session).

A token carries no second factor: predicates that need one (``administrator``) do not hold over a
token; administrators work in the browser."""

from rest_framework.authentication import TokenAuthentication

from .middleware import resolve_membership

MEMBERSHIP_HEADER = "HTTP_X_BALAI_MEMBERSHIP"


class MembershipTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        user, _token = result
        raw = request.META.get(MEMBERSHIP_HEADER, "").strip()
        chosen = int(raw) if raw.isdigit() else None
        resolve_membership(request._request, user, chosen)
        return result
