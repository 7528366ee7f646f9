"""The reference `occasion`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import cache

import holidays

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context, in_scope
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("detail", False), ("deadline", False))


@cache
def _holiday_days(country: str, year: int) -> dict[str, date]:
    """The first date of each holiday name in ``year`` (names from the `holidays` library)."""
    table = holidays.country_holidays(country, years=year, language="en_US")
    first: dict[str, date] = {}
    for day in sorted(table):
        for name in table.get_list(day):
            first.setdefault(name, day)
    return first


def _birthday(text: str, year: int) -> date:
    month, day = (int(x) for x in str(text).split("-")[-2:])
    if (month, day) == (2, 29) and not calendar.isleap(year):
        day = 28
    return date(year, month, day)


def _month_edges(which: str, first: date, last: date) -> list[tuple[str, date]]:
    out = []
    for year in range(first.year, last.year + 1):
        for month in range(1, 13):
            end = calendar.monthrange(year, month)[1]
            out.append((which, date(year, month, 1 if which == "month_start" else end)))
    return out


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_expect = ctx.filter(p["expect"])
    before, after = parse_duration(p.get("before", "0d")), parse_duration(p.get("after", "0d"))
    years = range(ctx.audit_start.year, ctx.as_of.year + 1)
    cal = ctx.playbook.data.get("calendar", {})
    out = []
    for customer in sorted(ctx.by_customer):
        if not in_scope(ctx, customer, p.get("scope") or {}):
            continue
        days: list[tuple[str, date]] = []
        if p["occasion"] == "holidays":
            for key, spec in cal.get("holidays", {}).items():
                for y in years:
                    day0 = _holiday_days(cal.get("country", "CN"), y).get(spec["match"])
                    if day0 is not None:
                        days.append((key, day0))
        elif p["occasion"] in ("month_start", "month_end"):
            days = _month_edges(p["occasion"], ctx.audit_start.date(), ctx.as_of.date())
        elif ctx.birthdays.get(customer):
            days = [("birthday", _birthday(ctx.birthdays[customer], y)) for y in years]
        for key, day0 in days:
            if not ctx.audit_start.date() <= day0 <= ctx.as_of.date():
                continue
            midnight = datetime.combine(day0, datetime.min.time())
            lo, hi = midnight - before, midnight + timedelta(days=1) + after
            hit = next(
                (e for e in ctx.by_customer[customer] if is_expect(e) and lo <= e.ts < hi), None
            )
            status = "ok" if hit else ("pending" if hi > ctx.as_of else "violation")
            out.append(
                Outcome(
                    rule.id,
                    status,
                    customer,
                    None,
                    midnight,
                    deadline=hi,
                    detail=key,
                    ref_ts=hit.ts if hit else None,
                )
            )
    return out
