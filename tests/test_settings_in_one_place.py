"""Settings live in one place: only balai/settings.py reads the environment, and every variable it
reads is documented in docs/configuration.md (and every documented variable is read).

A module that needs a configured value reads ``django.conf.settings``; the variable itself is read
once, in ``settings.py``, next to its default. The only other environment use allowed is the
``os.environ.setdefault("DJANGO_SETTINGS_MODULE", ...)`` of the entry points (``cli.py``, ``wsgi.py``,
``asgi.py``), which must run before settings exist.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BALAI = ROOT / "balai"
SETTINGS = BALAI / "settings.py"
CONFIGURATION = ROOT / "docs" / "configuration.md"
ENTRY_POINTS = {"cli.py", "wsgi.py", "asgi.py"}

# Modules still reading the environment on this branch, each moved into settings.py by another
# package of issue 11; the last test fails once an entry is no longer needed. Empty it after merging.
ALLOWED_FOR_NOW: dict[str, str] = {}

# Documented variables that settings.py reads on another package's branch of issue 11 (not on this one
# yet); the last test fails once settings.py reads them, so the list only shrinks. Empty it after merging.
READ_ON_OTHER_BRANCHES: set[str] = set()

READERS = {"get", "getenv", "env_bool", "env_list"}


def environment_uses(source: str, entry_point: bool = False) -> list[str]:
    """Every use of os.environ / os.getenv / os.environb in ``source`` (``from os import environ``
    too), except the DJANGO_SETTINGS_MODULE default of an entry point."""
    tree = ast.parse(source)
    allowed = set()
    if entry_point:
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setdefault"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value == "DJANGO_SETTINGS_MODULE"):
                allowed.add(id(node.func.value))
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr in {"environ", "environb", "getenv", "getenvb"}
                and isinstance(node.value, ast.Name) and node.value.id == "os" and id(node) not in allowed):
            found.append(f"{node.lineno}: os.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [f"{node.lineno}: from os import {a.name}" for a in node.names
                      if a.name in {"environ", "environb", "getenv", "getenvb"}]
    return sorted(found, key=lambda use: int(use.split(":")[0]))


def variables_read(source: str) -> set[str]:
    """Names of the environment variables a settings-style module reads: os.environ.get("X"),
    os.getenv("X"), os.environ["X"], env_bool("X"), env_list("X")."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            fname = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            is_env = fname in {"env_bool", "env_list"} or (
                fname in READERS and isinstance(func, ast.Attribute) and "environ" in ast.unparse(func.value)
            ) or (fname == "getenv")
            if is_env and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
        elif (isinstance(node, ast.Subscript) and "environ" in ast.unparse(node.value)
              and isinstance(node.slice, ast.Constant)):
            names.add(node.slice.value)
    return names


def documented_variables(text: str) -> set[str]:
    """Variables in the environment table of docs/configuration.md (section "Environment variables",
    first cell of each row; a cell may list several, `EMAIL_HOST`, `EMAIL_PORT`)."""
    section = text.split("## Environment variables", 1)
    assert len(section) == 2, "docs/configuration.md has no '## Environment variables' section"
    names = set()
    for line in section[1].splitlines():
        if line.startswith("## "):
            break
        if line.startswith("|"):
            first = line.strip("|").split("|")[0]
            names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", first))
    return names


def balai_modules():
    return sorted(p for p in BALAI.rglob("*.py") if "__pycache__" not in p.parts and p != SETTINGS)


def test_no_module_but_settings_reads_the_environment():
    found = []
    for path in balai_modules():
        rel = str(path.relative_to(ROOT))
        if rel in ALLOWED_FOR_NOW:
            continue
        uses = environment_uses(path.read_text(encoding="utf-8"), entry_point=path.parent == BALAI
                                and path.name in ENTRY_POINTS)
        found += [f"{rel}:{use}" for use in uses]
    assert not found, "read these in balai/settings.py and use django.conf.settings:\n" + "\n".join(found)


def test_the_check_catches_a_planted_environment_read():
    planted = (
        "import os\nfrom os import getenv\n"
        "URL = os.environ.get('BALAI_X', '')\nTOKEN = os.getenv('BALAI_Y')\nKEY = os.environ['BALAI_Z']\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'balai.settings')\n"
    )
    assert environment_uses(planted) == [
        "2: from os import getenv", "3: os.environ", "4: os.getenv", "5: os.environ", "6: os.environ",
    ]
    # An entry point may set the settings module's default, and nothing else.
    assert environment_uses(planted, entry_point=True) == [
        "2: from os import getenv", "3: os.environ", "4: os.getenv", "5: os.environ",
    ]


def test_every_variable_read_in_settings_is_documented():
    read = variables_read(SETTINGS.read_text(encoding="utf-8"))
    documented = documented_variables(CONFIGURATION.read_text(encoding="utf-8"))
    assert {"BALAI_REGENCY", "BALAI_PUBLIC_URL", "DATABASE_URL", "BALAI_AXES_DISABLED"} <= read
    missing = sorted(read - documented)
    assert not missing, "add to docs/configuration.md (Environment variables): " + ", ".join(missing)


def test_every_documented_variable_is_read():
    read = variables_read(SETTINGS.read_text(encoding="utf-8"))
    for rel in ALLOWED_FOR_NOW:
        read |= variables_read((ROOT / rel).read_text(encoding="utf-8"))
    stale = sorted(documented_variables(CONFIGURATION.read_text(encoding="utf-8")) - read - READ_ON_OTHER_BRANCHES)
    assert not stale, "documented in docs/configuration.md but read nowhere: " + ", ".join(stale)
    merged = sorted(READ_ON_OTHER_BRANCHES & variables_read(SETTINGS.read_text(encoding="utf-8")))
    assert not merged, "settings.py reads these now, remove them from READ_ON_OTHER_BRANCHES: " + ", ".join(merged)


def test_the_variable_reader_sees_every_form_of_read():
    source = ("import os\nA = os.environ.get('BALAI_A', '1')\nB = env_bool('BALAI_B')\nC = env_list('C')\n"
              "D = os.environ['D']\nE = os.getenv('E')\nF = {}.get('NOT_ENV')\n")
    assert variables_read(source) == {"BALAI_A", "BALAI_B", "C", "D", "E"}
    assert documented_variables("## Environment variables\n| `AB`, `B_C` | x | `NOT_FIRST_CELL` |\n## Next\n| `Z` |") \
        == {"AB", "B_C"}


def test_the_allow_list_only_holds_modules_that_still_read_the_environment():
    stale = [rel for rel in ALLOWED_FOR_NOW if not environment_uses((ROOT / rel).read_text(encoding="utf-8"))]
    assert not stale, "remove from ALLOWED_FOR_NOW: " + ", ".join(stale)
