"""Wait and service times from the ticket timestamps (which are written with their event rows).

* waiting time = called_at − arrived_at (tickets that were called);
* service time = finished_at − started_at (tickets served to the end);
* p90 = nearest-rank 90th percentile (the smallest value with at least 90 % of values at or below it).

Counts and averages are computed by the database (GROUP BY with duration arithmetic); the p90 needs
the sorted durations per group, which are read as one narrow column list for the period.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import ExtractHour
from django.utils import timezone

from .models import Ticket

DIMENSIONS = {
    "hall": ("hall__office__name", "hall__office__name"),
    "service": ("service__name", "service__name"),
    "counter": ("counter__number", "counter__number"),
    "hour": ("hour", "hour"),
}
WAIT = ExpressionWrapper(F("called_at") - F("arrived_at"), output_field=DurationField())
SERVICE = ExpressionWrapper(F("finished_at") - F("started_at"), output_field=DurationField())


def p90(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(0.9 * len(ordered)) - 1, 0)]


def _minutes(value) -> float | None:
    if value is None:
        return None
    if isinstance(value, timedelta):
        return value.total_seconds() / 60
    return float(value) / 60_000_000  # microseconds (some backends return a number)


def period(start: date, end: date):
    tz = timezone.get_current_timezone()
    return (timezone.make_aware(datetime.combine(start, time.min), tz),
            timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), tz))


def tickets_in(halls, start: date, end: date):
    since, until = period(start, end)
    return Ticket.objects.filter(hall__in=halls, arrived_at__gte=since, arrived_at__lt=until)


def stats(halls, start: date, end: date, by: str = "service") -> list[dict]:
    """One row per value of the dimension: counts, average and p90 of waiting and service times (minutes)."""
    if by not in DIMENSIONS:
        raise ValueError(by)
    key = DIMENSIONS[by][0]
    qs = tickets_in(halls, start, end).annotate(hour=ExtractHour("arrived_at"))
    rows = (qs.values(key).annotate(
        issued=Count("pk"),
        served=Count("pk", filter=Q(status=Ticket.Status.DONE)),
        no_show=Count("pk", filter=Q(status=Ticket.Status.NO_SHOW)),
        avg_wait=Avg(WAIT, filter=Q(called_at__isnull=False)),
        avg_service=Avg(SERVICE, filter=Q(status=Ticket.Status.DONE, started_at__isnull=False)),
    ).order_by(key))
    waits, services = defaultdict(list), defaultdict(list)
    for k, arrived, called, started, finished, status in qs.values_list(
            key, "arrived_at", "called_at", "started_at", "finished_at", "status"):
        if called:
            waits[k].append((called - arrived).total_seconds() / 60)
        if status == Ticket.Status.DONE and started and finished:
            services[k].append((finished - started).total_seconds() / 60)
    result = []
    for row in rows:
        k = row[key]
        result.append({
            "key": k, "issued": row["issued"], "served": row["served"], "no_show": row["no_show"],
            "avg_wait": _minutes(row["avg_wait"]), "p90_wait": p90(waits[k]),
            "avg_service": _minutes(row["avg_service"]), "p90_service": p90(services[k]),
        })
    return result


def busiest_hours(halls, start: date, end: date, top: int = 3) -> list[dict]:
    rows = (tickets_in(halls, start, end).annotate(hour=ExtractHour("arrived_at")).values("hour")
            .annotate(n=Count("pk")).order_by("-n", "hour")[:top])
    return [{"hour": r["hour"], "arrivals": r["n"]} for r in rows]
