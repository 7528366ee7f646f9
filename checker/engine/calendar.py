"""Occasion days: public holidays from the maintained ``holidays`` library, by playbook key."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

from checker.playbook.model import Playbook


@lru_cache(maxsize=32)
def _country_days(country: str, years: tuple[int, ...]) -> tuple[tuple[date, str], ...]:
    table = holidays.country_holidays(country, years=list(years), language="en_US")
    return tuple(sorted((d, str(name)) for d, name in table.items()))


def holiday_days(pb: Playbook, first_year: int, last_year: int) -> list[tuple[str, date]]:
    """(key, first day) for each configured holiday and year, in date order."""
    calendar = pb.data.get("calendar", {})
    wanted = {spec["match"]: key for key, spec in calendar.get("holidays", {}).items()}
    seen: set[tuple[str, int]] = set()
    out: list[tuple[str, date]] = []
    years = tuple(range(first_year, last_year + 1))
    for day, names in _country_days(calendar.get("country", "CN"), years):
        for name in names.split("; "):
            key = wanted.get(name.strip())
            if key and (key, day.year) not in seen:
                seen.add((key, day.year))
                out.append((key, day))
    return sorted(out, key=lambda kd: (kd[1], kd[0]))


def holiday_names(country: str, year: int) -> set[str]:
    """Every holiday name of ``country`` in ``year``, as the library writes them in English."""
    return {n.strip() for _, joined in _country_days(country, (year,)) for n in joined.split("; ")}


def month_days(which: str, first: date, last: date) -> list[tuple[str, date]]:
    """(``which``, day) for each month from ``first``'s to ``last``'s: its first day
    (``month_start``) or its last (``month_end``)."""
    out: list[tuple[str, date]] = []
    month = date(first.year, first.month, 1)
    while month <= last:
        following = (month + timedelta(days=32)).replace(day=1)
        out.append((which, month if which == "month_start" else following - timedelta(days=1)))
        month = following
    return out
