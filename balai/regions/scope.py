"""The one region scope: which part of the Kemendagri tree an office (or a question) is about.

A region code is its path in the tree (``35`` province, ``35.10`` regency, ``35.10.01`` kecamatan,
``35.10.01.2001`` village), so a region's subtree is every code equal to it or starting with it and a
dot. This module is the only place that turns that into SQL or a test: every selector, view, API and
import asks a ``RegionScope``; ``tests/foundation/test_region_scope.py`` fails on a region-prefix
filter written anywhere else.

``scope.q(field)`` is one index range, ``field >= code AND field < code + "/"`` (``/`` is the
character after ``.``), never ``field = code OR field LIKE …`` and never a join to the region table:
with an ``OR`` SQLite read every person of the regency and sorted them for a deep page of the regency
list (0.4 s at 1.7 M, docs/registry.md). A village's scope is the equality ``field = code``.
Where the database compares text linguistically (a PostgreSQL database created with, say, en_US
collation, which ignores punctuation at first) the range is not exact, and ``LIKE`` is used instead.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import Q

_EVERYTHING = object()
_NOTHING = object()
VILLAGE_DOTS = 3  # 35.10.01.2001: a village, the deepest level of the tree


def range_is_prefix(using: str = "default") -> bool:
    """Whether ``value <= column < next(value)`` selects exactly the strings starting with ``value``:
    true where text compares by code point (SQLite's BINARY, PostgreSQL's C/POSIX/C.UTF-8 databases),
    not under a linguistic collation such as en_US, which ignores spaces and punctuation at first."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return True
    key = (using, connection.settings_dict["NAME"])
    if key not in _RANGE_IS_PREFIX:
        with connection.cursor() as cursor:
            cursor.execute("SELECT datcollate FROM pg_database WHERE datname = current_database()")
            collation = cursor.fetchone()[0]
        _RANGE_IS_PREFIX[key] = collation in ("C", "POSIX") or collation.startswith("C.")
    return _RANGE_IS_PREFIX[key]


_RANGE_IS_PREFIX: dict = {}


class RegionScope:
    """A region subtree, optionally with the office it belongs to (``office_kind``, ``office``), so
    that a selector which scopes by something other than the region (an agency's own services) can
    read it from the same object. ``RegionScope.everything()`` covers every code (system work,
    statistics of the whole country); ``RegionScope.nothing()`` covers none (a citizen, a visitor)."""

    __slots__ = ("_code", "office_kind", "office")

    def __init__(self, code, office_kind: str | None = None, office=None):
        if code is not _EVERYTHING and code is not _NOTHING:
            if not isinstance(code, str) or not code.strip():
                raise ValueError(f"a region scope needs a region code, not {code!r}")
            code = code.strip()
        self._code = code
        self.office_kind = office_kind
        self.office = office

    @classmethod
    def everything(cls) -> RegionScope:
        return cls(_EVERYTHING)

    @classmethod
    def nothing(cls) -> RegionScope:
        return cls(_NOTHING)

    @property
    def is_everything(self) -> bool:
        return self._code is _EVERYTHING

    @property
    def is_nothing(self) -> bool:
        return self._code is _NOTHING

    @property
    def code(self) -> str | None:
        """The region code at the top of the scope (None for everything and for nothing)."""
        return None if self._code is _EVERYTHING or self._code is _NOTHING else self._code

    @property
    def is_village(self) -> bool:
        return self.code is not None and self.code.count(".") >= VILLAGE_DOTS

    def covers(self, code: str | None) -> bool:
        """Whether region ``code`` lies in this scope (the scope's own region included)."""
        if self.is_everything:
            return True
        if self.is_nothing or not code:
            return False
        return code == self._code or code.startswith(self._code + ".")

    def q(self, field: str, *, using: str = "default") -> Q:
        """A filter: the region code in ``field`` (a column or a lookup path holding region codes)
        lies in this scope. One equality (a village) or one range; nothing matches for ``nothing()``."""
        if self.is_everything:
            return Q()
        if self.is_nothing:
            return Q(**{f"{field}__in": []})
        code = self._code
        if code.count(".") >= VILLAGE_DOTS:
            return Q(**{field: code})
        if range_is_prefix(using):
            return Q(**{f"{field}__gte": code, f"{field}__lt": code + "/"})
        return Q(**{field: code}) | Q(**{f"{field}__startswith": code + "."})

    def __eq__(self, other):
        if not isinstance(other, RegionScope):
            return NotImplemented
        return self._code is other._code or (self.code is not None and self.code == other.code)

    def __hash__(self):
        return hash(self.code) if self.code is not None else id(self._code)

    def __repr__(self):
        if self.is_everything:
            return "<RegionScope everything>"
        if self.is_nothing:
            return "<RegionScope nothing>"
        return f"<RegionScope {self._code}>"
