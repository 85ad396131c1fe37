"""Population statistics aggregated in SQL.

A village is aggregated live (a few thousand rows through the (village, life_status, sex,
birth_date) index). Kecamatan and regency pages read ``PopulationSummary``: per-village counts that
``population_summary_refresh`` rebuilds set-based (one GROUP BY per dimension), from the demo, the
generator, the importer or ``balai refresh_population_summary`` (cron/nightly).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Max, OuterRef, Q, Subquery, Sum, Value, When

from balai.regions.models import Region
from balai.regions.scope import RegionScope

from . import codes
from .models import Family, Person, PopulationSummary, Welfare
from .selectors import age_band_range

PERSON_DIMENSIONS = {"education": "education", "occupation": "occupation", "religion": "religion",
                     "marital": "marital_status"}


def age_band_case(today: datetime.date):
    whens = []
    for lo, hi in codes.AGE_BANDS[:-1]:
        oldest_birth, _youngest = age_band_range(f"{lo}-{hi}", today)
        whens.append(When(birth_date__gt=oldest_birth, then=Value(lo)))
    return Case(*whens, default=Value(codes.AGE_BANDS[-1][0]), output_field=IntegerField())


def _alive(qs):
    return qs.filter(life_status=codes.LifeStatus.ALIVE)


def aggregate_rows(persons, families, today: datetime.date, *, by_village: bool):
    """(village_id or "", dimension, key, sex, count) rows, one GROUP BY per dimension."""
    group = ["village_id"] if by_village else []
    persons = _alive(persons)
    rows = []

    def emit(dimension, values, key_field, sex_field="sex"):
        for row in values:
            rows.append((row["village_id"] if by_village else "", dimension, str(row[key_field]),
                         row[sex_field] if sex_field else 0, row["n"]))

    emit("age", persons.annotate(band=age_band_case(today)).values(*group, "band", "sex")
         .annotate(n=Count("id")).order_by(), "band")
    for dimension, field in PERSON_DIMENSIONS.items():
        emit(dimension, persons.values(*group, field, "sex").annotate(n=Count("id")).order_by(), field)
    latest = Welfare.objects.filter(family=OuterRef("pk")).order_by("-date", "-id").values("decile")[:1]
    emit("welfare", families.annotate(decile=Subquery(latest)).exclude(decile=None)
         .values(*group, "decile").annotate(n=Count("id")).order_by(), "decile", None)
    emit("families", families.values(*group).annotate(n=Count("id"), key=Value("all")).order_by(), "key", None)
    return rows


@transaction.atomic
def population_summary_refresh(*, prefix: str | None = None, today: datetime.date | None = None) -> int:
    """Rebuild the per-village summary for the villages under ``prefix`` (default: everything)."""
    today = today or datetime.date.today()
    persons, families = Person.objects.all(), Family.objects.all()
    summaries = PopulationSummary.objects.all()
    if prefix:
        persons = persons.filter(RegionScope(prefix).q("village_id"))
        families = families.filter(RegionScope(prefix).q("village_id"))
        summaries = summaries.filter(RegionScope(prefix).q("village_id"))
    rows = aggregate_rows(persons, families, today, by_village=True)
    summaries.delete()
    PopulationSummary.objects.bulk_create(
        [PopulationSummary(village_id=v, dimension=d, key=k, sex=s, count=n) for v, d, k, s, n in rows],
        batch_size=2000)
    return len(rows)


def _label(dimension, key):
    if dimension == "age":
        lo = int(key)
        hi = dict(codes.AGE_BANDS)[lo]
        return codes.age_band_label(lo, hi)
    choices = {"education": codes.Education, "occupation": codes.Occupation, "religion": codes.Religion,
               "marital": codes.MaritalStatus}.get(dimension)
    if choices is not None:
        try:
            return str(choices(int(key)).label)
        except ValueError:
            return key
    return key


def statistics_for(region: Region, *, today: datetime.date | None = None) -> dict:
    """Tables for the statistics page of a village (live) or a kecamatan/regency (summary)."""
    today = today or datetime.date.today()
    cells = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))  # dimension -> key -> [male, female, total]
    refreshed = None
    if region.level >= 4:
        rows = aggregate_rows(Person.objects.filter(village_id=region.code),
                              Family.objects.filter(village_id=region.code), today, by_village=False)
        source = "live"
    else:
        summary = PopulationSummary.objects.filter(RegionScope(region.code).q("village_id"))
        rows = [("", d, k, s, n) for d, k, s, n in summary.values("dimension", "key", "sex")
                .annotate(n=Sum("count")).values_list("dimension", "key", "sex", "n").order_by()]
        refreshed = summary.aggregate(at=Max("refreshed_at"))["at"]
        source = "summary"
    for _village, dimension, key, sex, count in rows:
        cell = cells[dimension][key]
        if sex == codes.Sex.MALE:
            cell[0] += count
        elif sex == codes.Sex.FEMALE:
            cell[1] += count
        cell[2] += count

    def table(dimension, order_numeric=True):
        items = cells.get(dimension, {})
        keys = sorted(items, key=lambda k: int(k) if order_numeric and k.lstrip("-").isdigit() else 0)
        return [{"key": k, "label": _label(dimension, k), "male": items[k][0], "female": items[k][1],
                 "total": items[k][2]} for k in keys]

    age = table("age")
    total_male = sum(r["male"] for r in age)
    total_female = sum(r["female"] for r in age)
    tables = {d: sorted(table(d), key=lambda r: -r["total"]) if d == "occupation" else table(d)
              for d in ("education", "occupation", "religion", "marital")}
    welfare = table("welfare")
    families = sum(r["total"] for r in table("families"))
    return {
        "source": source, "refreshed": refreshed, "male": total_male, "female": total_female,
        "total": total_male + total_female, "families": families, "age": age, "welfare": welfare, **tables,
        "chart": {
            "labels": [r["label"] for r in age],
            "male": [r["male"] for r in age], "female": [r["female"] for r in age],
            "welfare_labels": [r["label"] for r in welfare], "welfare": [r["total"] for r in welfare],
        },
    }


def village_counts(prefix: str):
    """Alive persons per village under ``prefix`` from the summary (for the regency/kecamatan table)."""
    return dict(PopulationSummary.objects.filter(RegionScope(prefix).q("village_id"), dimension="age")
                .values("village_id").annotate(n=Sum("count")).values_list("village_id", "n"))


__all__ = ["population_summary_refresh", "statistics_for", "village_counts", "Q"]
