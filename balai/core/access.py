"""Every view states who may use it.

A view declares its policy in one of three ways:

* function views: ``@public`` or ``@allow(predicate)``;
* class-based views and DRF views/viewsets: a class attribute ``access = predicate`` (or ``PUBLIC``);
* Django's admin site is covered as a whole by ``ADMIN_POLICY`` (the predicate named
  ``"administrator"``).

``AccessPolicyMiddleware`` refuses any view without a declaration (deny by default), redirects
anonymous users to the login page for views that need a login, and answers 403 to signed-in users
whose predicate says no. DRF views are checked by ``DeclaredAccess`` after DRF has authenticated the
request (so API tokens work), using the same predicate. Predicates live in
``balai.accounts.permissions``; a predicate is any callable ``(request) -> bool`` wrapped in
``Predicate`` so that predicates compose with ``|`` and ``&``.

``core`` sits below ``accounts`` and never imports it: the predicates (and the few checks taking an
argument, such as ``covers(request, code)``) are registered by name in ``AccountsConfig.ready()``.
Apps below ``accounts`` (``core``, ``regions``) declare access with ``named("staff")`` -- a predicate
that looks the registered one up when a request comes -- and call checks with ``registered("covers")``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

POLICY_ATTR = "balai_access"


class Predicate:
    """A named test on a request. ``needs_login`` tells the middleware to send anonymous visitors
    to the login page instead of answering 403 (a bool, or a callable for predicates bound late)."""

    def __init__(self, test, name: str, needs_login=True):
        self.test = test
        self.name = name
        self._needs_login = needs_login

    @property
    def needs_login(self) -> bool:
        value = self._needs_login
        return bool(value() if callable(value) else value)

    def __call__(self, request) -> bool:
        return bool(self.test(request))

    def __or__(self, other: Predicate) -> Predicate:
        return Predicate(
            lambda r: self(r) or other(r), f"({self.name} | {other.name})",
            lambda: self.needs_login and other.needs_login,
        )

    def __and__(self, other: Predicate) -> Predicate:
        return Predicate(
            lambda r: self(r) and other(r), f"({self.name} & {other.name})",
            lambda: self.needs_login or other.needs_login,
        )

    def __repr__(self):
        return f"<Predicate {self.name}>"


PUBLIC = Predicate(lambda request: True, "public", needs_login=False)

# Predicates and checks registered by name by the app that owns them (accounts, in AppConfig.ready()).
_REGISTERED: dict[str, object] = {}


def register(name: str, value) -> None:
    """Offer a predicate or check under ``name`` to the apps below its owner."""
    _REGISTERED[name] = value


def registered(name: str):
    """The predicate or check registered under ``name``; a missing one is a wiring mistake."""
    try:
        return _REGISTERED[name]
    except KeyError:
        raise ImproperlyConfigured(f"No access predicate registered as {name!r} (see AccountsConfig.ready()).")


def named(name: str) -> Predicate:
    """A predicate declared by name now and looked up when a request comes (so it may be declared
    at import time, before accounts has registered it)."""
    return Predicate(
        lambda request: registered(name)(request), name, lambda: getattr(registered(name), "needs_login", True)
    )


ADMIN_POLICY = named("administrator")


def public(view):
    """Mark a function view as open to everyone, signed in or not."""
    setattr(view, POLICY_ATTR, PUBLIC)
    return view


def allow(predicate: Predicate):
    """Mark a function view as open to requests for which ``predicate`` holds."""
    if not isinstance(predicate, Predicate):
        raise TypeError("allow() needs a Predicate from balai.accounts.permissions")

    def decorate(view):
        setattr(view, POLICY_ATTR, predicate)
        return view

    return decorate


def policy_of(view_func):
    """The declared policy of a resolved view callable, or None when nothing was declared."""
    policy = getattr(view_func, POLICY_ATTR, None)
    if policy is not None:
        return policy
    for attr in ("view_class", "cls"):
        klass = getattr(view_func, attr, None)
        if klass is not None:
            declared = getattr(klass, "access", None)
            if declared is not None:
                return declared
    wrapped = getattr(view_func, "__wrapped__", None)
    if wrapped is not None and wrapped is not view_func:
        return policy_of(wrapped)
    return None


def is_drf_view(view_func) -> bool:
    return getattr(view_func, "cls", None) is not None


class AccessPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is not None and "admin" in (match.namespaces or []):
            policy = ADMIN_POLICY
        else:
            policy = policy_of(view_func)
        if policy is None:
            # Deny by default: a view nobody declared is refused to everyone.
            request.balai_denied = True
            raise PermissionDenied("This view declares no access policy.")
        request.access_policy = policy
        if is_drf_view(view_func) and match is not None and "admin" not in (match.namespaces or []):
            # DRF authenticates (session or token) inside the view; DeclaredAccess checks there.
            return None
        if policy(request):
            return None
        if not request.user.is_authenticated and policy.needs_login:
            response = redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            response["X-Balai-Access"] = "login"
            return response
        request.balai_denied = True
        raise PermissionDenied


class DeclaredAccess(BasePermission):
    """DRF permission class applying the view's declared ``access`` predicate."""

    message = _("Anda tidak berhak mengakses sumber ini.")

    def has_permission(self, request, view):
        policy = getattr(view, "access", None)
        if policy is None:
            return False
        # DRF's Request proxies attributes of the Django request; predicates read .user.
        return policy(request)


def require(predicate: Predicate, request):
    """Raise PermissionDenied unless predicate holds: for checks inside a view on a second object."""
    if not predicate(request):
        raise PermissionDenied
