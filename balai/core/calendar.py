"""Working-day calendar: weekends per office (Mon–Fri or Mon–Sat), Indonesian public holidays and
joint leave days (``cuti bersama``, from the ``holidays`` package), and local days off added by the
regency (provided by a higher app through ``register_days_off_provider``, since core imports no app).

Counting rule: ``add_working_days(start, n)`` returns the n-th working day *after* ``start`` (the day
an application arrives does not count), so one working day after a Friday is the next Monday.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

MON_FRI = "mon-fri"
MON_SAT = "mon-sat"
_WEEKEND = {MON_FRI: {5, 6}, MON_SAT: {6}}
# "government" adds cuti bersama (joint leave days), on which government offices are closed.
HOLIDAY_CATEGORIES = ("public", "government")

_providers = []


def register_days_off_provider(func):
    """``func(start, end, region_code) -> iterable of dates`` of local days off in [start, end]."""
    if func not in _providers:
        _providers.append(func)


@lru_cache(maxsize=64)
def national_holidays(year: int) -> dict:
    """{date: name} of Indonesia's public holidays and joint leave days in ``year``."""
    try:
        table = holidays.country_holidays("ID", years=year, categories=HOLIDAY_CATEGORIES)
    except (NotImplementedError, ValueError):  # older package without categories
        table = holidays.country_holidays("ID", years=year)
    return dict(table)


def local_days_off(start: dt.date, end: dt.date, region_code: str = "") -> set:
    found = set()
    for provider in _providers:
        found.update(provider(start, end, region_code))
    return found


class WorkCalendar:
    """A calendar for one office: its work week and, lazily, the days off of the years it touches.

    Build one per computation (local days off are read from the database once per window)."""

    def __init__(self, work_week: str = MON_FRI, region_code: str = "", *, local: bool = True):
        if work_week not in _WEEKEND:
            raise ValueError(f"unknown work week {work_week!r}")
        self.weekend = _WEEKEND[work_week]
        self.region_code = region_code or ""
        self.local = local  # False: national calendar only (no database read), for cheap estimates
        self._local: set = set()
        self._loaded: tuple | None = None

    def _ensure(self, start: dt.date, end: dt.date):
        if self._loaded and self._loaded[0] <= start and end <= self._loaded[1]:
            return
        lo = min(start, self._loaded[0]) if self._loaded else start
        hi = max(end, self._loaded[1]) if self._loaded else end
        # Load a generous window at once so a loop of day checks makes one query.
        lo, hi = lo - dt.timedelta(days=7), hi + dt.timedelta(days=120)
        self._local = local_days_off(lo, hi, self.region_code)
        self._loaded = (lo, hi)

    def day_off_reason(self, day: dt.date) -> str | None:
        if day.weekday() in self.weekend:
            return "weekend"
        name = national_holidays(day.year).get(day)
        if name:
            return name
        if not self.local:
            return None
        self._ensure(day, day)
        if day in self._local:
            return "local"
        return None

    def is_working_day(self, day: dt.date) -> bool:
        return self.day_off_reason(day) is None

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start``; ``days == 0`` gives ``start`` itself."""
        day = start
        remaining = days
        while remaining > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: 0 when end <= start."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def add_working_days(start: dt.date, days: int, *, work_week: str = MON_FRI, region_code: str = "") -> dt.date:
    return WorkCalendar(work_week, region_code).add_working_days(start, days)


def working_days_between(start: dt.date, end: dt.date, *, work_week: str = MON_FRI, region_code: str = "") -> int:
    return WorkCalendar(work_week, region_code).working_days_between(start, end)


def is_working_day(day: dt.date, *, work_week: str = MON_FRI, region_code: str = "") -> bool:
    return WorkCalendar(work_week, region_code).is_working_day(day)
