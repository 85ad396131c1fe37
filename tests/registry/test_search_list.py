"""Search first: one box for NIK, KK or name; keyset pages; queries do not grow with the page size."""

import datetime

import pytest

from balai.registry import codes

from .helpers import family, person


@pytest.fixture
def many(world):
    fam = family()
    people = [person(fam, name=f"Sri Rahayu {i:02d}", sex=codes.Sex.FEMALE, relationship=codes.Relationship.CHILD,
                     birth_date=datetime.date(2000 + i % 20, 1 + i % 12, 1 + i)) for i in range(24)]
    other = person(family(), name="Bambang Pamungkas")
    return {"family": fam, "people": people, "other": other}


def search(client, query, **extra):
    response = client.get("/penduduk/", {"q": query, **extra})
    assert response.status_code == 200
    return response


def test_name_search_is_a_case_and_space_insensitive_prefix(world, many):
    client = world.client("operator")
    rows = search(client, "  SRI   rahayu 0").context["rows"]
    assert [p.name for p in rows] == [f"Sri Rahayu {i:02d}" for i in range(10)]
    assert search(client, "rahayu").context["rows"] == []


def test_nik_search_finds_by_prefix_and_the_list_masks_the_nik(world, many):
    target = many["other"]
    response = search(world.client("operator"), target.nik)
    assert [p.pk for p in response.context["rows"]] == [target.pk]
    table = response.content.decode().split('id="person-table"', 1)[1].split("</table>", 1)[0]
    assert target.masked_nik in table and target.nik not in table


def test_kk_number_search_lists_the_family_members(world, many):
    rows = search(world.client("operator"), many["family"].kk_number, size=50).context["rows"]
    assert {p.pk for p in rows} == {p.pk for p in many["people"]}


def test_filters_by_sex_and_age_band(world, many):
    client = world.client("operator")
    assert [p.name for p in search(client, "", sex=1).context["rows"]] == ["Bambang Pamungkas"]
    today = datetime.date.today()
    rows = search(client, "sri", age="0-200", size=100).context["rows"]
    assert len(rows) == 24
    young = search(client, "sri", age=f"0-{today.year - 2010}", size=100).context["rows"]
    assert young and all(p.birth_date.year >= 2009 for p in young)


def test_keyset_pages_follow_each_other_without_overlap(world, many):
    client = world.client("operator")
    first = search(client, "sri", size=10)
    seen = [p.pk for p in first.context["rows"]]
    query = first.context["next_query"]
    while query:
        page = client.get("/penduduk/?" + query)
        seen += [p.pk for p in page.context["rows"]]
        query = page.context["next_query"]
    assert len(seen) == len(set(seen)) == 24


def test_the_number_of_queries_per_list_page_does_not_grow_with_the_page_size(world, many, django_assert_max_num_queries):
    client = world.client("operator")
    client.get("/penduduk/?size=5")  # warm the session and membership
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get("/penduduk/?size=5")
    with CaptureQueriesContext(connection) as large:
        client.get("/penduduk/?size=25")
    assert len(large) == len(small)
    with django_assert_max_num_queries(len(small)):
        client.get("/penduduk/?size=100")
    assert not any("COUNT(" in q["sql"].upper() for q in large.captured_queries)


def test_htmx_requests_get_only_the_results(world, many):
    response = world.client("operator").get("/penduduk/", {"q": "sri"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'id="person-table"' in html and "<html" not in html


def test_the_person_page_shows_family_events_and_history(world, many):
    target = many["people"][0]
    html = world.client("operator").get(f"/penduduk/{target.public_id}/").content.decode()
    assert target.nik in html and "Sri Rahayu 01" in html and "Riwayat perubahan" in html


def test_a_name_prefix_is_a_bare_index_range_where_the_database_compares_by_code_point(world, many, monkeypatch):
    from balai.registry import selectors
    from balai.registry.models import Person

    # Test databases here are SQLite (BINARY) or C-collated PostgreSQL: the range alone is exact, and a
    # LIKE beside it would make PostgreSQL misjudge the match count and sort every match (seen at 1.7 M).
    assert selectors.range_is_prefix()
    bare = Person.objects.filter(selectors.prefix_q("name_search", "sri rahayu 1"))
    assert "LIKE" not in str(bare.query).upper()
    monkeypatch.setattr(selectors, "range_is_prefix", lambda using="default": False)  # e.g. en_US collation
    checked = Person.objects.filter(selectors.prefix_q("name_search", "sri rahayu 1"))
    assert "LIKE" in str(checked.query).upper()
    names = [f"Sri Rahayu {i:02d}" for i in range(10, 20)]
    assert sorted(bare.values_list("name", flat=True)) == sorted(checked.values_list("name", flat=True)) == names


@pytest.mark.django_db
def test_postgresql_keeps_a_fine_histogram_of_names_for_prefix_estimates():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("statistics targets are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SELECT attstattarget FROM pg_attribute WHERE attrelid = 'registry_person'::regclass "
                       "AND attname = 'name_search'")
        assert cursor.fetchone()[0] == 1000


@pytest.mark.django_db
def test_nik_and_kk_number_have_one_unique_index_each_and_no_like_index_to_maintain():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the varchar_pattern_ops indexes are PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("""SELECT indexdef FROM pg_indexes WHERE (tablename = 'registry_person' AND indexdef LIKE '%%(nik%%')
                          OR (tablename = 'registry_family' AND indexdef LIKE '%%(kk_number%%')""")
        definitions = sorted(row[0] for row in cursor.fetchall())
    assert len(definitions) == 2 and all("UNIQUE" in d and "pattern_ops" not in d for d in definitions), definitions


@pytest.mark.django_db  # on PostgreSQL the scope asks the database for its collation
def test_a_region_scope_is_one_range_on_the_village_column_without_an_or():
    from balai.regions.scope import RegionScope
    from balai.registry.models import Person

    regency = str(Person.objects.filter(RegionScope("35.10").q("village_id")).query)
    assert " OR " not in regency and ">= 35.10 " in regency and "< 35.10/" in regency
    village = str(Person.objects.filter(RegionScope("35.10.01.2001").q("village_id")).query)
    assert " OR " not in village and "= 35.10.01.2001" in village
