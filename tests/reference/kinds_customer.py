"""Rule kinds about a customer over the audit span: silences and occasions."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import cache

import holidays

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context
from tests.reference.events import Outcome


def _in_scope(ctx: Context, customer: str, scope: dict) -> bool:
    segs = scope.get("segments")
    if segs is not None and ctx.segments.get(customer) not in segs:
        return False
    within = scope.get("purchased_within")
    if within is not None:
        since = ctx.as_of - parse_duration(within)
        events = ctx.by_customer[customer]
        return any(e.event == "purchase" and e.ts >= since for e in events)
    return True


def max_silence(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_contact = ctx.filter(p["contacts"])
    gap = parse_duration(p["max_gap"])
    p0 = ctx.as_of - parse_duration(p.get("period", "365d"))

    def status(start: datetime, end: datetime | None) -> str:
        if end is not None:
            return "ok" if end - start <= gap else "violation"
        return "violation" if ctx.as_of - start > gap else "pending"

    out = []
    for customer in sorted(ctx.by_customer):
        if not _in_scope(ctx, customer, p.get("scope") or {}):
            continue
        events = ctx.by_customer[customer]
        s = max(events[0].ts, p0)
        contacts = [e for e in events if is_contact(e) and e.ts >= p0]
        first = contacts[0] if contacts else None
        if first is None or first.ts != s:
            end = first.ts if first else None
            out.append(
                Outcome(
                    rule.id,
                    status(s, end),
                    customer,
                    None,
                    s,
                    ref_ts=end,
                    ref_id=first.event_id if first else None,
                )
            )
        for i, c in enumerate(contacts):
            nxt = contacts[i + 1] if i + 1 < len(contacts) else None
            end = nxt.ts if nxt else None
            out.append(
                Outcome(
                    rule.id,
                    status(c.ts, end),
                    customer,
                    c.event_id,
                    c.ts,
                    ref_ts=end,
                    ref_id=nxt.event_id if nxt else None,
                    agent_id=c.agent_id,
                    channel=c.channel,
                )
            )
    return out


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


def occasion(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_expect = ctx.filter(p["expect"])
    before, after = parse_duration(p.get("before", "0d")), parse_duration(p.get("after", "0d"))
    years = range(ctx.audit_start.year, ctx.as_of.year + 1)
    cal = ctx.playbook.data.get("calendar", {})
    out = []
    for customer in sorted(ctx.by_customer):
        if not _in_scope(ctx, customer, p.get("scope") or {}):
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


def _month_edges(which: str, first: date, last: date) -> list[tuple[str, date]]:
    out = []
    for year in range(first.year, last.year + 1):
        for month in range(1, 13):
            end = calendar.monthrange(year, month)[1]
            out.append((which, date(year, month, 1 if which == "month_start" else end)))
    return out
