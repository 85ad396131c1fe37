"""One region scope: ``balai.regions.scope.RegionScope`` is the only place that turns a region code into
a subtree filter or test; a region-prefix filter written anywhere else in ``balai/`` fails this file."""

import re
from pathlib import Path

import pytest

from balai.regions.scope import RegionScope

BALAI = Path(__file__).resolve().parents[2] / "balai"
THE_ONE_PLACE = BALAI / "regions" / "scope.py"

# A region-prefix filter is (1) a ``__startswith`` lookup on a region/village/code/scope column, or (2) a
# ``.startswith(`` on a region code: a variable named after a region/village/scope, or a call that adds the
# separator dot (``code.startswith(scope + ".")``), the way each app used to write its own scope.
_LOOKUP = re.compile(r"\b\w*(?:region|village|code|scope)\w*__i?startswith\b")
_CALL_ON_NAME = re.compile(r"\b\w*(?:region|village|scope)\w*\.startswith\(")
_CALL_WITH_DOT = re.compile(r"\.startswith\([^()]*\+\s*(?:\"\.\"|'\.')\s*\)")


def region_prefix_filters(source: str) -> list[tuple[int, str]]:
    """(line number, line) of every region-prefix filter written in ``source``."""
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        code = line.split("#", 1)[0]
        if _LOOKUP.search(code) or _CALL_ON_NAME.search(code) or _CALL_WITH_DOT.search(code):
            found.append((number, line.strip()))
    return found


def test_no_region_prefix_filter_is_written_outside_the_region_scope():
    offenders = []
    for path in sorted(BALAI.rglob("*.py")):
        if path == THE_ONE_PLACE or "migrations" in path.parts:
            continue
        for number, line in region_prefix_filters(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(BALAI.parent)}:{number}: {line}")
    assert offenders == [], "use balai.regions.scope.RegionScope (.q(field) / .covers(code)):\n" + "\n".join(offenders)


@pytest.mark.parametrize("planted", [
    'Letter.objects.filter(Q(village_id=scope) | Q(village__code__startswith=scope + "."))',
    'halls.filter(office__region__code__startswith=scope + ".")',
    "queryset.filter(region_code__startswith=scope)",
    'return Q(village__code__istartswith=office.region_id + ".")',
    'return application.village_id.startswith(office.region_id + ".")',
    'if not (code == self.scope or code.startswith(self.scope + ".")):',
    "return region_code == scope or region_code.startswith(scope + '.')",
])
def test_the_scan_catches_a_planted_region_prefix_filter(planted):
    source = f"def selector(request):\n    scope = request.membership.office.region_id\n    {planted}\n"
    assert region_prefix_filters(source) == [(3, planted)]


@pytest.mark.parametrize("innocent", [
    'Person.objects.filter(nik__startswith=prefix)',             # a NIK prefix, not a region column
    'queryset.filter(Q(number__startswith=query))',               # a letter number typed in a search box
    'return Kind.CITY if name.lower().startswith("kota") else Kind.REGENCY',
    'if request.path.startswith("/static/"):',
    '# village.code.startswith(scope + ".") used to be written here',
    'return self.filter(RegionScope(code).q("code"))',
])
def test_the_scan_leaves_other_prefixes_alone(innocent):
    assert region_prefix_filters(innocent) == []


# --- what a scope covers (codes worked by hand from the Kemendagri list) ---------------------------------

def test_a_regency_covers_itself_its_kecamatan_and_their_villages_but_not_a_longer_code():
    banyuwangi = RegionScope("35.10")
    assert banyuwangi.covers("35.10")
    assert banyuwangi.covers("35.10.01")              # Pesanggaran
    assert banyuwangi.covers("35.10.01.2001")         # Sarongan, a village of Pesanggaran
    assert not banyuwangi.covers("35.100")            # shares the characters, not the subtree
    assert not banyuwangi.covers("35.1")
    assert not banyuwangi.covers("35")                # its own province lies above it
    assert not banyuwangi.covers("35.09.01.2001")     # a village of Jember
    assert not banyuwangi.covers("")
    assert not banyuwangi.covers(None)


def test_a_kecamatan_covers_its_own_villages_only():
    pesanggaran = RegionScope("35.10.01")
    assert pesanggaran.covers("35.10.01.2001") and pesanggaran.covers("35.10.01.2005")
    assert not pesanggaran.covers("35.10.02.2001")    # Bangorejo's first village
    assert not pesanggaran.covers("35.10.010.2001")
    assert not pesanggaran.covers("35.10")


def test_a_village_covers_only_itself():
    sarongan = RegionScope("35.10.01.2001")
    assert sarongan.covers("35.10.01.2001")
    assert not sarongan.covers("35.10.01.2002")
    assert not sarongan.covers("35.10.01.20011")
    assert not sarongan.covers("35.10.01")


def test_everything_covers_every_code_and_nothing_covers_none():
    assert RegionScope.everything().covers("35.10.01.2001") and RegionScope.everything().covers("11")
    assert not RegionScope.nothing().covers("35.10.01.2001") and not RegionScope.nothing().covers("35")
    assert RegionScope.everything().code is None and RegionScope.nothing().code is None
    assert RegionScope.nothing().is_nothing and not RegionScope.everything().is_nothing


def test_a_scope_needs_a_code():
    with pytest.raises(ValueError):
        RegionScope("")
    with pytest.raises(ValueError):
        RegionScope(None)


# --- the filter, on the database (SQLite here, PostgreSQL with DATABASE_URL) ------------------------------

@pytest.mark.django_db
def test_the_filter_is_one_range_without_an_or_and_a_village_is_one_equality():
    from balai.regions.models import Region

    regency = str(Region.objects.filter(RegionScope("35.10").q("code")).query)
    assert " OR " not in regency and "JOIN" not in regency and ">= 35.10 " in regency and "< 35.10/" in regency
    village = str(Region.objects.filter(RegionScope("35.10.01.2001").q("code")).query)
    assert " OR " not in village and "= 35.10.01.2001" in village and "<" not in village


@pytest.mark.django_db
def test_the_filter_selects_exactly_the_codes_the_scope_covers():
    from balai.regions.models import Kind, Level, Region

    codes = ["35", "35.10", "35.10.01", "35.10.01.2001", "35.10.01.2002", "35.10.02", "35.10.02.2001",
             "35.100", "35.100.01", "35.1", "35.09", "35.09.01.2001"]
    Region.objects.bulk_create([Region(code=c, name=c, level=c.count(".") + 1, kind=Kind.VILLAGE) for c in codes])

    def selected(scope):
        return sorted(Region.objects.filter(scope.q("code")).values_list("code", flat=True))

    assert selected(RegionScope("35.10")) == ["35.10", "35.10.01", "35.10.01.2001", "35.10.01.2002", "35.10.02",
                                             "35.10.02.2001"]
    assert selected(RegionScope("35.10.01")) == ["35.10.01", "35.10.01.2001", "35.10.01.2002"]
    assert selected(RegionScope("35.10.01.2001")) == ["35.10.01.2001"]
    assert selected(RegionScope("35.1")) == ["35.1"]
    assert len(selected(RegionScope("35"))) == 12
    assert len(selected(RegionScope.everything())) == 12
    assert selected(RegionScope.nothing()) == []
    # The filter and the test agree on every code.
    for scope in (RegionScope("35.10"), RegionScope("35.10.01"), RegionScope("35.10.01.2001"), RegionScope("35.1")):
        assert selected(scope) == sorted(c for c in codes if scope.covers(c))
    # A related column: the villages' parents lie in the regency, the level filter still applies.
    assert Region.objects.filter(RegionScope("35.10").q("code"), level=Level.VILLAGE).count() == 3


@pytest.mark.django_db
def test_under_a_linguistic_collation_the_filter_falls_back_to_like_and_selects_the_same(monkeypatch):
    from balai.regions import scope as scope_module
    from balai.regions.models import Kind, Region

    codes = ["35.10", "35.10.01", "35.10.01.2001", "35.100", "35.100.01", "35.09"]
    Region.objects.bulk_create([Region(code=c, name=c, level=c.count(".") + 1, kind=Kind.VILLAGE) for c in codes])
    monkeypatch.setattr(scope_module, "range_is_prefix", lambda using="default": False)  # e.g. en_US
    queryset = Region.objects.filter(RegionScope("35.10").q("code"))
    assert "LIKE" in str(queryset.query).upper()
    assert sorted(queryset.values_list("code", flat=True)) == ["35.10", "35.10.01", "35.10.01.2001"]


@pytest.mark.django_db
def test_a_membership_scope_is_its_office_region_and_a_citizen_has_none(world):
    from django.test import RequestFactory

    from balai.accounts.scope import scope_for

    operator = world.user("operator").memberships.get()
    scope = operator.scope
    assert scope.code == operator.office.region_id and scope.office == operator.office
    assert scope.office_kind == operator.office.kind
    request = RequestFactory().get("/")
    request.membership = operator
    assert scope_for(request) == scope
    request.membership = None
    assert scope_for(request).is_nothing
    verifier = world.user("verifier").memberships.get()
    assert verifier.scope.code == "35.10.01"
    assert verifier.covers("35.10.01.2004") and not verifier.covers("35.10.02.2001")
