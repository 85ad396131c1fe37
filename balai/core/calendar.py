"""Working-day calendar: weekends per office (Mon–Fri or Mon–Sat), Indonesian public holidays and
joint leave days (``cuti bersama``, from the ``holidays`` package), and local days off decided by the
regency: ``core.DayOff`` rows (admin: "Hari libur daerah"), regency-wide or for a kecamatan or village,
holding in that region and every region below it. A higher app may add other local days off through
``register_days_off_provider``; the regions app confirms DayOff region codes through
``register_region_check`` (core imports no app).

Counting rule: ``add_working_days(start, n)`` returns the n-th working day *after* ``start`` (the day
an application arrives does not count), so one working day after a Friday is the next Monday.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import holidays
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MON_FRI = "mon-fri"
MON_SAT = "mon-sat"
_WEEKEND = {MON_FRI: {5, 6}, MON_SAT: {6}}
# "government" adds cuti bersama (joint leave days), on which government offices are closed.
HOLIDAY_CATEGORIES = ("public", "government")

_providers = []
_region_checks = []
_REGION_CODE = re.compile(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?")


def register_days_off_provider(func):
    """``func(start, end, region_code) -> iterable of dates`` of local days off in [start, end]."""
    if func not in _providers:
        _providers.append(func)


def register_region_check(func):
    """``func(code) -> bool``: does this region code exist? (registered by the regions app)."""
    if func not in _region_checks:
        _region_checks.append(func)


def check_region_code(code: str) -> None:
    """Raise ``ValidationError`` unless ``code`` is a Kemendagri code ("35.10.01.2001") that exists."""
    if not _REGION_CODE.fullmatch(code):
        raise ValidationError({"region_code": _("Kode wilayah “%(code)s” tidak sah: tulis seperti 35.10 "
                                                "atau 35.10.01.2001.") % {"code": code}})
    if any(not check(code) for check in _region_checks):
        raise ValidationError({"region_code": _("Wilayah dengan kode “%(code)s” tidak ada.") % {"code": code}})


def region_and_ancestors(code: str) -> list[str]:
    """"35.10.01.2001" → ["35", "35.10", "35.10.01", "35.10.01.2001"]."""
    parts = code.split(".") if code else []
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def regional_days_off(start: dt.date, end: dt.date, region_code: str = "") -> set:
    """Dates in [start, end] of ``DayOff`` rows for the whole installation or for ``region_code`` or a
    region above it (one query)."""
    from .models import DayOff

    codes = ["", *region_and_ancestors(region_code)]
    return set(DayOff.objects.filter(date__gte=start, date__lte=end, region_code__in=codes)
               .values_list("date", flat=True))


@lru_cache(maxsize=64)
def national_holidays(year: int) -> dict:
    """{date: name} of Indonesia's public holidays and joint leave days in ``year``."""
    try:
        table = holidays.country_holidays("ID", years=year, categories=HOLIDAY_CATEGORIES)
    except (NotImplementedError, ValueError):  # older package without categories
        table = holidays.country_holidays("ID", years=year)
    return dict(table)


def local_days_off(start: dt.date, end: dt.date, region_code: str = "") -> set:
    found = regional_days_off(start, end, region_code)
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
