"""The project-wide authorization walk: every URL pattern x every role.

``collect_patterns`` lists every URL pattern of a URLconf with its name and callback.
``check_declarations`` reports patterns that no view policy covers, or that the access matrix in
tests/access/ does not mention. ``walk_role`` requests every pattern as one role and reports each
difference between what the role reached and what the matrix expects.
"""

import importlib
import re

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse

from balai.core.access import policy_of
from tests.access import MODULES, PUBLIC

ADMIN = "admin"
_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def collect_patterns(urlconf=None):
    """[(full name or None, route string, callback, namespaces)] for every pattern, recursively."""
    found = []

    def walk(patterns, prefix, namespaces):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = list(namespaces) + ([entry.namespace] if entry.namespace else [])
                walk(entry.url_patterns, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern):
                name = entry.name
                full = ":".join([*namespaces, name]) if name else None
                found.append((full, prefix + str(entry.pattern), entry.callback, tuple(namespaces)))

    walk(get_resolver(urlconf).url_patterns, "", [])
    return found


def load_matrix():
    expected, params, setups = {}, {}, []
    for module_name in MODULES:
        module = importlib.import_module(f"tests.access.{module_name}")
        expected.update(module.EXPECTED)
        params.update(getattr(module, "PARAMS", {}))
        if hasattr(module, "SETUP"):
            setups.append(module.SETUP)
    return expected, params, setups


def check_declarations(urlconf=None):
    expected, _, _ = load_matrix()
    problems = []
    for name, route, callback, namespaces in collect_patterns(urlconf):
        if ADMIN in namespaces:
            continue  # the admin site is covered as a whole by the administrator policy
        if policy_of(callback) is None:
            problems.append(f"{name or route}: the view declares no access policy (@public / @allow / access=)")
        if name is None:
            problems.append(f"{route}: the URL pattern has no name, so the access matrix cannot list it")
        elif name not in expected:
            problems.append(f"{name}: not in the access matrix tests/access/*.py")
    return problems


def expected_roles(name, namespaces, expected, roles):
    if ADMIN in namespaces:
        return {"administrator"}
    declared = expected[name]
    return set(roles) if declared == PUBLIC else set(declared)


def reached(response, admin=False) -> bool:
    if response.status_code == 403:
        # In the admin, only the access policy's refusal counts: the admin itself answers 403 for
        # actions no one may take (adding a log entry by hand, say).
        return admin and response.get("X-Balai-Access") != "denied"
    # The access middleware marks its redirects to the login page.
    return response.get("X-Balai-Access") != "login"


def walk_role(world, role, roles, urlconf=None):
    expected, params, setups = load_matrix()
    if not world.extra.get("_matrix_setup_done"):
        for setup in setups:
            setup(world)
        world.extra["_matrix_setup_done"] = True
    client = world.client(role)
    problems = []
    for name, route, _callback, namespaces in collect_patterns(urlconf):
        if name is None or (ADMIN not in namespaces and name not in expected):
            continue  # reported by check_declarations
        if ADMIN in namespaces:
            kwargs = {}
        elif _PARAM.search(route):
            if name not in params:
                problems.append(f"{name}: route {route} has parameters but PARAMS gives none")
                continue
            kwargs = params[name](world)
        else:
            kwargs = {}
        try:
            url = _admin_url(name, route, urlconf) if ADMIN in namespaces else \
                reverse(name, kwargs=kwargs or None, urlconf=urlconf)
        except NoReverseMatch as error:
            problems.append(f"{name}: cannot build its URL from PARAMS ({error})")
            continue
        if resolve(url, urlconf).view_name != name:
            continue  # shadowed by an earlier pattern (admin/login/ is ours): unreachable
        response = client.get(url)
        if response.status_code == 405:
            # POST-only view: the policy let the role through; the view may still refuse it on scope.
            # Post empty data from a fresh session so that side effects (logout) do not leak.
            response = world.client(role).post(url, {})
        allowed = role in expected_roles(name, namespaces, expected, roles)
        if response.status_code >= 500:
            problems.append(f"{name} {url}: {role} got {response.status_code}")
        elif reached(response, ADMIN in namespaces) != allowed:
            problems.append(
                f"{name} {url}: {role} {'reached' if reached(response, ADMIN in namespaces) else 'was refused'} "
                f"(status {response.status_code}) but the matrix says {'allow' if allowed else 'deny'}"
            )
    return problems


def _admin_url(name, route, urlconf):
    """Admin URLs get the primary key of an existing row of their model (or "1" when there is none:
    a missing object is a 302/404, which still 'reaches')."""
    pk = _admin_object_pk(name)
    keys = [m.group("name") for m in _PARAM.finditer(route)] + re.findall(r"\(\?P<(\w+)>", route)
    if keys:
        values = {key: "accounts" if key == "app_label" else pk for key in keys}
        return reverse(name, kwargs=values, urlconf=urlconf)
    for count in range(0, 4):
        try:
            return reverse(name, args=[pk] * count, urlconf=urlconf)
        except NoReverseMatch:
            continue
    raise NoReverseMatch(name)


def _admin_object_pk(name):
    from django.apps import apps

    short = name.split(":", 1)[1]
    for model in apps.get_models():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if short.startswith(prefix):
            first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
            return str(first) if first is not None else "1"
    return "1"
