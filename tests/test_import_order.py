"""Imports go one way: an app uses only the apps below it in the order of docs/architecture.md.

The order is data in ``docs/architecture.md`` (the table under "Dependency order": each app with the
apps it sits directly on); this test reads that table, so the doc and the rule cannot drift apart. An
app may use itself and everything reachable downwards from it; anything else -- an app above it, or
a sibling that is not below it -- is an upward tie and fails the suite. The project modules
(``balai/settings.py``, ``urls.py``, ``cli.py``, ``wsgi.py``, ``asgi.py``) sit above every app.

What counts as a tie from module M (every ``.py`` file under ``balai/``, migrations included):

* every import: module level, inside functions, under ``if TYPE_CHECKING``, ``import balai.x``,
  ``from balai import x``, ``from balai.x import y`` and relative imports (``from ..x import y``);
* ``apps.get_model("app", "Model")`` and ``get_model("app.Model")`` -- a hidden import is still one;
* a relation to a model named by string: ``ForeignKey("app.Model")``, ``OneToOneField``,
  ``ManyToManyField`` and ``to="app.Model"`` (migrations spell them that way);
* a migration's ``dependencies`` entry ``("app", "0001_...")``;
* a dotted-path string ``"balai.app.module..."`` (what ``import_string`` would load);
* a URL name ``"app:view"`` in Python code (``redirect("portal:home")`` only works if the higher app
  is installed and keeps that name).

What does not count: ``settings.AUTH_USER_MODEL`` (Django's swappable indirection, resolved by the
settings module, which sits on top), URL names in templates (templates are not scanned), and names in
docstrings and comments.

A lower app that must react to a higher one offers a hook (a signal or a registry) and the higher app
fills it in its ``AppConfig.ready()``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BALAI = ROOT / "balai"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

PROJECT = "project"  # balai/settings.py, urls.py, cli.py, wsgi.py, asgi.py: above every app
RELATION_FIELDS = {"ForeignKey", "OneToOneField", "ManyToManyField"}
DOTTED_PATH = re.compile(r"^balai\.([a-z_]+)(\.[A-Za-z_]\w*)*$")
URL_NAME = re.compile(r"^([a-z_]+):[a-z_]+$")

# Upward ties still on this branch that another package of issue 11 removes. Each entry is
# (module, higher app) with the item that removes it; test_the_allow_list_only_holds_ties_that_still_exist
# fails once an entry is no longer needed, so the list only shrinks. Keep it empty once they are merged.
ALLOWED_FOR_NOW: dict[tuple[str, str], str] = {}


# --- the order, read from docs/architecture.md ------------------------------------------------------

def read_order(text: str) -> dict[str, tuple[str, ...]]:
    """The "Dependency order" table: ``| `app` | `below1`, `below2` | what it is |`` per row."""
    section = text.split("## Dependency order", 1)
    assert len(section) == 2, "docs/architecture.md has no '## Dependency order' section"
    order: dict[str, tuple[str, ...]] = {}
    for line in section[1].splitlines():
        if line.startswith("## "):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 2 or not cells[0].startswith("`"):
            continue
        app = cells[0].strip("`")
        below = tuple(name.strip().strip("`") for name in cells[1].split(",") if name.strip().strip("`"))
        order[app] = below
    return order


def below_closure(order: dict[str, tuple[str, ...]]) -> dict[str, set[str]]:
    """For each app, every app it may use (itself and everything below, transitively)."""
    closure: dict[str, set[str]] = {}

    def visit(app, path=()):
        if app in closure:
            return closure[app]
        assert app not in path, f"the dependency order has a cycle: {' -> '.join((*path, app))}"
        assert app in order, f"{path[-1]} sits on {app!r}, which is not in the dependency order"
        reach = {app}
        for lower in order[app]:
            reach |= visit(lower, (*path, app))
        closure[app] = reach
        return reach

    for app in order:
        visit(app)
    return closure


# --- the ties in one module --------------------------------------------------------------------------

@dataclass(frozen=True)
class Tie:
    line: int
    target: str  # a balai module path, or "app:<label>" for string references to an app
    kind: str
    text: str = ""  # the reference as written, for the failure message


def _resolve_relative(module: str, is_package: bool, level: int, name: str | None) -> str:
    parts = module.split(".")
    package = parts if is_package else parts[:-1]
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, name] if name else base)


def ties_in_source(source: str, module: str, is_package: bool = False) -> list[Tie]:
    """Every reference from ``module`` (dotted name, e.g. ``balai.core.access``) to another module or
    app: imports, get_model, string relations, migration dependencies, dotted paths and URL names."""
    tree = ast.parse(source)
    ties: list[Tie] = []
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            ties += [Tie(node.lineno, alias.name, "import") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = (
                _resolve_relative(module, is_package, node.level, node.module) if node.level else node.module or ""
            )
            # `from balai import accounts` names the module balai.accounts, hence base + name.
            ties += [Tie(node.lineno, f"{base}.{alias.name}", "import") for alias in node.names]
        elif isinstance(node, ast.Call):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            literal_args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if fname == "get_model" and literal_args:
                ties.append(Tie(node.lineno, "app:" + literal_args[0].split(".")[0], "get_model", literal_args[0]))
            elif fname in RELATION_FIELDS:
                to = [k.value.value for k in node.keywords if k.arg == "to" and isinstance(k.value, ast.Constant)]
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    to.append(first.value)
                ties += [Tie(node.lineno, "app:" + t.split(".")[0], "relation", t) for t in to
                         if isinstance(t, str) and "." in t]
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "dependencies" for t in node.targets):
            for element in getattr(node.value, "elts", []):
                if isinstance(element, ast.Tuple) and element.elts and isinstance(element.elts[0], ast.Constant):
                    label = str(element.elts[0].value)
                    ties.append(Tie(node.lineno, "app:" + label, "migration-dependency", label))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if DOTTED_PATH.match(node.value):
                ties.append(Tie(node.lineno, node.value, "dotted-path", node.value))
            elif URL_NAME.match(node.value):
                ties.append(Tie(node.lineno, "app:" + node.value.split(":")[0], "url-name", node.value))
    return ties


def app_of(target: str, apps: set[str]) -> str | None:
    """The Balai app (or PROJECT) a tie points at; None for Django, libraries and foreign app labels."""
    if target.startswith("app:"):
        label = target[4:]
        return label if label in apps else None
    parts = target.split(".")
    if parts[0] != "balai" or len(parts) < 2:
        return None
    if parts[1] in apps:
        return parts[1]
    if parts[1] in {"settings", "urls", "cli", "wsgi", "asgi"}:
        return PROJECT
    return None


def module_name(path: Path) -> tuple[str, str, bool]:
    """(dotted module, app or PROJECT, is_package) of a file under balai/."""
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    app = parts[1] if len(parts) > 2 or (len(parts) == 2 and (BALAI / parts[1]).is_dir()) else PROJECT
    return ".".join(parts), app, is_package


def upward_ties(source: str, module: str, app: str, closure: dict[str, set[str]],
                is_package: bool = False) -> list[str]:
    """Human-readable upward ties of one module of ``app``."""
    if app == PROJECT:
        return []
    allowed = closure[app]
    found = []
    for tie in ties_in_source(source, module, is_package):
        target_app = app_of(tie.target, set(closure) | {PROJECT})
        if target_app is not None and target_app not in allowed:
            found.append(f"{module}:{tie.line} ({app}) -> {target_app}: {tie.kind} {tie.text or tie.target}")
    return found


# --- the tests ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def order():
    return read_order(ARCHITECTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def closure(order):
    return below_closure(order)


def balai_modules():
    return sorted(p for p in BALAI.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_documented_order_lists_every_app_and_the_next_modules(order):
    apps_on_disk = {p.parent.name for p in BALAI.glob("*/apps.py")}
    assert apps_on_disk <= set(order), f"apps missing from docs/architecture.md: {apps_on_disk - set(order)}"
    assert {"budgets", "monitoring", "programs"} <= set(order)
    assert order["core"] == ()


def test_the_documented_order_matches_the_design(closure):
    # core <- regions <- accounts <- registry <- services <- applications <- letters
    chain = ["core", "regions", "accounts", "registry", "services", "applications", "letters"]
    for lower, higher in zip(chain, chain[1:], strict=False):
        assert lower in closure[higher] and higher not in closure[lower]
    assert {"services", "applications"} <= closure["queues"]
    assert "accounts" in closure["budgets"] and "budgets" in closure["monitoring"]
    assert {"registry", "applications"} <= closure["programs"]
    assert set(closure) <= closure["portal"]


def test_no_app_uses_an_app_above_it(closure):
    found = []
    for path in balai_modules():
        module, app, is_package = module_name(path)
        for tie in upward_ties(path.read_text(encoding="utf-8"), module, app, closure, is_package):
            key = (module, tie.split(" -> ")[1].split(":")[0])
            if key not in ALLOWED_FOR_NOW:
                found.append(tie)
    assert not found, "upward ties (see docs/architecture.md, Dependency order):\n" + "\n".join(found)


def test_the_allow_list_only_holds_ties_that_still_exist(closure):
    still = set(copies_below(closure)) & set(ALLOWED_FOR_NOW)
    for module, target in ALLOWED_FOR_NOW:
        path = ROOT / (module.replace(".", "/") + ".py")
        _, app, is_package = module_name(path)
        for tie in upward_ties(path.read_text(encoding="utf-8"), module, app, closure, is_package):
            if tie.split(" -> ")[1].split(":")[0] == target:
                still.add((module, target))
    assert still == set(ALLOWED_FOR_NOW), f"remove from ALLOWED_FOR_NOW: {set(ALLOWED_FOR_NOW) - still}"


def test_no_app_hides_a_dependency_behind_get_model():
    """get_model("other_app", ...) outside migrations hides a tie from readers (and from the import
    graph): use a plain import of a lower app, or a hook filled by the higher app. Migrations must use
    apps.get_model (historical models), so they are exempt."""
    found = []
    for path in balai_modules():
        if "migrations" in path.parts:
            continue
        module, app, is_package = module_name(path)
        for tie in ties_in_source(path.read_text(encoding="utf-8"), module, is_package):
            if tie.kind == "get_model" and tie.target != f"app:{app}":
                found.append(f"{module}:{tie.line} get_model({tie.text!r})")
    assert not found, "\n".join(found)


# --- copied keys: a lower app spelling out the keys a higher app declares -----------------------------

def keys_declared_above() -> list[tuple[str, str, set[str]]]:
    """(declaring app, what, keys). When a package moves a declaration (issue 11 items 2-4), point the
    import here at the new place."""
    from balai.applications.workflows import WORKFLOWS
    from balai.letters import catalogue

    letter_types = {key for key, _label in catalogue.letter_type_choices()}
    return [("applications", "workflow keys", set(WORKFLOWS)), ("letters", "letter types", letter_types)]


def copied_keys(source: str, keys: set[str]) -> list[tuple[int, list[str]]]:
    """Collections (tuple, list, set, dict keys, a choices class body) naming two or more of ``keys``:
    one shared word ("agency" is an office kind too) is not a copy, a list of them is."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        elif isinstance(node, ast.ClassDef):
            items = []
            for stmt in node.body:
                value = getattr(stmt, "value", None)
                items.append(value.elts[0] if isinstance(value, ast.Tuple) and value.elts else value)
        else:
            continue
        named = {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)} & keys
        if len(named) >= 2:
            found.append((node.lineno, sorted(named)))
    return found


def copies_below(closure) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for declarer, what, keys in keys_declared_above():
        for path in balai_modules():
            module, app, _ = module_name(path)
            if "migrations" in path.parts or app == PROJECT or declarer in closure[app]:
                continue  # migrations freeze the choices of their day; apps above may name the keys
            for line, named in copied_keys(path.read_text(encoding="utf-8"), keys):
                found.setdefault((module, declarer), []).append(f"{module}:{line} copies {what} {named}")
    return found


def test_no_app_copies_the_keys_declared_by_an_app_above_it(closure):
    found = copies_below(closure)
    unexpected = [line for key, lines in found.items() if key not in ALLOWED_FOR_NOW for line in lines]
    assert not unexpected, "\n".join(unexpected)


def test_the_copy_check_catches_a_planted_copy():
    source = 'WORKFLOWS = ("village_letter", "agency")\nclass K:\n    A = "sktm", "x"\n    B = "usaha", "y"\n' \
             'LEVEL = ("village", "agency")\n'
    assert copied_keys(source, {"village_letter", "agency"}) == [(1, ["agency", "village_letter"])]
    assert copied_keys(source, {"sktm", "usaha"}) == [(2, ["sktm", "usaha"])]


PLANTED = '''
"""A core helper that knows too much (balai.letters.models in a docstring is fine)."""
import balai.regions.models
from balai.core import audit
from django.apps import apps


def late():
    from balai.accounts.permissions import administrator
    from ..letters import numbering
    return administrator, numbering


class Row:
    owner = ForeignKey("applications.Application", on_delete=None)
    kind = models.ForeignKey(to="services.Service", on_delete=None)
    user = ForeignKey(settings.AUTH_USER_MODEL, on_delete=None)


def hidden():
    apps.get_model("queues", "Ticket")
    apps.get_model("registry.Person")
    import_string("balai.portal.views.home")
    return redirect("portal:home")
'''


def test_the_check_catches_planted_upward_ties_of_every_kind(closure):
    found = upward_ties(PLANTED, "balai.core.sample", "core", closure)
    targets = sorted((line.split(" -> ")[1].split(":")[0], line.split(": ", 1)[1].split(" ")[0]) for line in found)
    assert targets == [
        ("accounts", "import"),      # function-level import
        ("applications", "relation"),  # ForeignKey("applications.Application")
        ("letters", "import"),       # relative import from ..letters
        ("portal", "dotted-path"),   # import_string("balai.portal.views.home")
        ("portal", "url-name"),      # redirect("portal:home")
        ("queues", "get_model"),     # apps.get_model("queues", "Ticket")
        ("regions", "import"),       # import balai.regions.models
        ("registry", "get_model"),   # apps.get_model("registry.Person")
        ("services", "relation"),    # ForeignKey(to="services.Service")
    ]


def test_the_check_allows_downward_and_own_ties(closure):
    source = "from balai.core.access import allow\nfrom . import models\nfrom .models import Ticket\n" \
             "x = ForeignKey('services.Service', on_delete=None)\ny = apps.get_model('applications', 'X')\n"
    assert upward_ties(source, "balai.queues.views", "queues", closure) == []


def test_the_check_refuses_a_sibling_that_is_not_below(closure):
    # letters and queues both sit on applications; neither may use the other.
    found = upward_ties("from balai.queues.models import Ticket\n", "balai.letters.sample", "letters", closure)
    assert found == ["balai.letters.sample:1 (letters) -> queues: import balai.queues.models.Ticket"]


def test_relative_imports_resolve_against_the_package():
    ties = ties_in_source("from .. import accounts\nfrom ..accounts.models import Office\n",
                          "balai.registry.importing.views")
    assert [t.target for t in ties] == ["balai.registry.accounts", "balai.registry.accounts.models.Office"]
    ties = ties_in_source("from ... import accounts\n", "balai.registry.importing.views")
    assert [t.target for t in ties] == ["balai.accounts"]
