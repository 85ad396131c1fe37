import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _

SESSION_MEMBERSHIP = "balai_membership_id"
SESSION_LAST_SEEN = "balai_last_seen"


def resolve_membership(request, user, chosen=None) -> None:
    """Set ``request.membership`` (the membership ``user`` acts in: the ``chosen`` id if it is one of
    theirs and active, else their first active one; None for citizens and visitors) and
    ``request.memberships``. The session's user is resolved here by the middleware; an API token's
    user, known only once DRF has authenticated it, by ``balai.accounts.authentication``."""
    request.membership = None
    request.memberships = []
    if user.is_authenticated and not user.is_citizen:
        memberships = [
            m for m in user.memberships.select_related("office", "office__region") if m.is_active
            and m.office.is_active
        ]
        current = next((m for m in memberships if m.pk == chosen), None)
        request.membership = current or (memberships[0] if memberships else None)
        request.memberships = memberships


class MembershipMiddleware:
    """Sets ``request.membership``: the membership the signed-in staff member is acting in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        chosen = request.session.get(SESSION_MEMBERSHIP) if user.is_authenticated else None
        resolve_membership(request, user, chosen)
        return self.get_response(request)


IDLE_TOUCH_SECONDS = 60


class IdleTimeoutMiddleware:
    """Staff sessions end after BALAI_STAFF_IDLE_SECONDS without a request.

    The last-seen time is written at most once a minute (IDLE_TOUCH_SECONDS): writing it on every
    request made every page view an UPDATE of the session row and a commit (3 of a search page's 11
    queries). A session may therefore end up to a minute before the full idle time has passed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_citizen:
            now = int(time.time())
            last = request.session.get(SESSION_LAST_SEEN)
            if last is not None and now - last > settings.BALAI_STAFF_IDLE_SECONDS:
                logout(request)
                messages.info(request, _("Sesi Anda berakhir karena tidak ada aktivitas. Silakan masuk lagi."))
                return redirect(settings.LOGIN_URL)
            if last is None or now - last >= IDLE_TOUCH_SECONDS:
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)
