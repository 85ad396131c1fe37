"""Statistics aggregated in SQL: live for a village, from the per-village summary above it."""

import datetime

import pytest

from balai.regions.models import Region
from balai.registry import codes, services
from balai.registry.statistics import population_summary_refresh, statistics_for

from .helpers import SUMBERAGUNG, family, person

pytestmark = pytest.mark.usefixtures("regions")
TODAY = datetime.date(2026, 6, 1)


@pytest.fixture
def known_set():
    fam = family()
    person(fam, name="Ayah", sex=codes.Sex.MALE, birth_date=datetime.date(1980, 1, 1),
           education=codes.Education.SENIOR)  # 46
    person(fam, name="Ibu", sex=codes.Sex.FEMALE, birth_date=datetime.date(1983, 1, 1),
           relationship=codes.Relationship.WIFE, education=codes.Education.SENIOR)  # 43
    person(fam, name="Anak", sex=codes.Sex.FEMALE, birth_date=datetime.date(2023, 1, 1),
           relationship=codes.Relationship.CHILD)  # 3
    dead = person(fam, name="Kakek", sex=codes.Sex.MALE, birth_date=datetime.date(1940, 1, 1),
                  relationship=codes.Relationship.PARENT)
    services.life_event_record(kind="death", date=datetime.date(2025, 1, 1), person=dead)
    services.welfare_record(family=fam, decile=3, source="DTSEN", date=datetime.date(2024, 1, 1))
    services.welfare_record(family=fam, decile=2, source="DTSEN", date=datetime.date(2025, 6, 1))
    other = family(SUMBERAGUNG)
    person(other, name="Tetangga", sex=codes.Sex.MALE, birth_date=datetime.date(1990, 6, 2))  # 35
    return fam


def rows_by_label(rows):
    return {r["label"]: (r["male"], r["female"]) for r in rows if r["total"]}


def test_village_statistics_count_living_people_by_sex_and_age_band(known_set):
    stats = statistics_for(Region.objects.get(code="35.10.01.2001"), today=TODAY)
    assert (stats["male"], stats["female"], stats["total"], stats["families"]) == (1, 2, 3, 1)
    assert rows_by_label(stats["age"]) == {"0–4": (0, 1), "40–44": (0, 1), "45–49": (1, 0)}
    assert rows_by_label(stats["education"])[str(codes.Education.SENIOR.label)] == (1, 1)
    assert [(r["label"], r["total"]) for r in stats["welfare"]] == [("2", 1)]


def test_the_kecamatan_page_reads_the_summary_and_matches_live_counts(known_set):
    population_summary_refresh(today=TODAY)
    district = statistics_for(Region.objects.get(code="35.10.01"), today=TODAY)
    assert district["source"] == "summary"
    assert (district["male"], district["female"], district["families"]) == (2, 2, 2)
    assert rows_by_label(district["age"]) == {"0–4": (0, 1), "35–39": (1, 0), "40–44": (0, 1), "45–49": (1, 0)}
    regency = statistics_for(Region.objects.get(code="35.10"), today=TODAY)
    assert regency["total"] == 4


def test_the_statistics_page_renders_the_chart_data_for_staff(world, known_set):
    population_summary_refresh()
    response = world.client("viewer").get("/penduduk/statistik/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="stats-data"' in html and "registry/statistics.js" in html
    assert world.client("operator").get("/penduduk/statistik/?region=35.10.01.2004").status_code == 403
