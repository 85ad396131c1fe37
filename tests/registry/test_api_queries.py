"""Every list of the registry API makes the same number of queries for 3 families as for 9 (each row's
family, head or person comes in the same query, not one more per row)."""

import datetime

from balai.registry import codes, services
from tests.support.queries import queries_of

from .helpers import family, person

LISTS = ["/api/v1/persons/", "/api/v1/families/", "/api/v1/life-events/", "/api/v1/welfare/",
         "/api/v1/schooling/"]


def _households(count):
    """``count`` families, each: a head, a baby born on 1 March 2024 (a birth event), a welfare row and
    the head's schooling."""
    for _ in range(count):
        fam = family()
        head = person(fam)
        services.life_event_record(kind=codes.LifeEventKind.BIRTH, date=datetime.date(2024, 3, 1), family=fam,
                                   child={"name": "Bayi Santoso", "sex": codes.Sex.FEMALE})
        services.welfare_record(family=fam, decile=3, source=codes.WelfareSource.DTKS, date=datetime.date(2025, 1, 2))
        services.schooling_record(person=head, level=codes.SchoolLevel.SMA, status=codes.SchoolStatus.GRADUATED)


def test_registry_api_lists_make_the_same_queries_for_3_and_9_families(world):
    client = world.client("operator")
    for url in LISTS:
        client.get(url)  # warm the session and membership
    per_family = {url: 1 for url in LISTS} | {"/api/v1/persons/": 2}  # a head and a baby; one of the rest
    _households(3)
    small = {}
    for url in LISTS:
        small[url], response = queries_of(client, url)
        assert len(response.json()["results"]) == 3 * per_family[url], url
    _households(6)
    for url in LISTS:
        large, response = queries_of(client, url)
        rows = response.json()["results"]
        assert len(rows) == 9 * per_family[url], url
        assert (url, large) == (url, small[url])
    families = client.get("/api/v1/families/").json()["results"]
    assert all(row["head"] for row in families)  # the head's public id is read with the family
