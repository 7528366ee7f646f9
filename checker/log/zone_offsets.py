"""A playbook time zone's UTC offset at each instant, as an Ibis expression.

A time written with an offset (``2025-03-30T01:30:00Z``) is converted to the playbook zone's
wall-clock time with the offset that zone had at that instant, so daylight saving is right
on both sides of every change. The zone's changes are found once per zone (from the system's
time zone data, through ``zoneinfo``) and become list literals indexed by year: a value's
offset is its year's starting offset or the offset after one of that year's few changes (at
most four in any zone), read with a handful of comparisons, on every backend.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import ibis
import ibis.expr.types as ir

# The changes looked for. Before the first, a zone keeps its first offset; after the last, its
# last (standard time for a zone that still observes daylight saving past 2100).
FIRST = datetime(1900, 1, 1, tzinfo=UTC)
LAST = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)
NEVER = datetime(9999, 12, 31, 23, 59, 59)
# Zones change their offset at most a few times a year, months apart: a weekly probe finds
# every change (two changes less than a week apart, which no zone has had since 1900 in a
# way that matters here, would be missed together).
STEP = timedelta(days=7)


def _offset(zone: ZoneInfo, at: datetime) -> int:
    off = at.astimezone(zone).utcoffset()
    return int(off.total_seconds()) if off else 0


@lru_cache(maxsize=16)
def offset_changes(tz: str) -> tuple[tuple[datetime, int], ...]:
    """((first UTC instant, offset seconds), ...) of zone ``tz``, the first from `FIRST`;
    instants are naive UTC."""
    zone = ZoneInfo(tz)
    out = [(FIRST.replace(tzinfo=None), _offset(zone, FIRST))]
    at = FIRST
    while at < LAST:
        nxt = at + STEP
        if _offset(zone, nxt) != out[-1][1]:
            lo, hi = at, nxt  # the offset changes in (lo, hi]: find the second
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                mid = mid.replace(microsecond=0)
                if _offset(zone, mid) == out[-1][1]:
                    lo = mid
                else:
                    hi = mid
            out.append((hi.replace(tzinfo=None), _offset(zone, hi)))
        at = nxt
    return tuple(out)


@lru_cache(maxsize=16)
def _by_year(tz: str) -> tuple[int, list[int], list[tuple[list[int], list[int]]]]:
    """Zone ``tz``'s changes by year, over the years that have any (earlier years keep the
    first offset, later ones the last): the first such year; the offset at each year's
    start; and for the k-th change of a year (k below the most any year has) its instant, in
    seconds from `FIRST`, and the offset after it. A year with fewer changes repeats its
    last offset after a change that never comes (`NEVER`: an instant past every time)."""
    changes = offset_changes(tz)
    if len(changes) == 1:
        return FIRST.year, [changes[0][1]], []
    years = range(changes[1][0].year, changes[-1][0].year + 1)
    per_year: dict[int, list[tuple[datetime, int]]] = {y: [] for y in years}
    for at, offset in changes[1:]:
        per_year[at.year].append((at, offset))
    most = max(len(v) for v in per_year.values())
    starts: list[int] = []
    slots: list[tuple[list[int], list[int]]] = [([], []) for _ in range(most)]
    current = changes[0][1]
    for year in years:
        starts.append(current)
        for k in range(most):
            if k < len(per_year[year]):
                at, current = per_year[year][k]
            else:
                at = NEVER
            slots[k][0].append(_seconds(at))
            slots[k][1].append(current)
    return years.start, starts, slots


def _seconds(at: datetime) -> int:
    """Naive UTC ``at`` in whole seconds from `FIRST` (a short integer literal in SQL, where
    a timestamp literal is a function call several times as long)."""
    return int((at - FIRST.replace(tzinfo=None)).total_seconds())


def offset_at(utc: ir.TimestampValue, tz: str) -> ir.IntegerValue:
    """Zone ``tz``'s UTC offset in seconds at the naive UTC instant ``utc``: its offset at the
    start of that year, or after the last of the year's changes at or before ``utc``. Years
    before the zone's first change read that change's year (whose start has the first
    offset), years after its last change the last change's year (whose last change is
    before them)."""
    first_year, starts, slots = _by_year(tz)
    if not slots:
        return ibis.literal(starts[0], type="int64")
    last_year = first_year + len(starts) - 1
    year = ibis.greatest(ibis.least(utc.year(), last_year), first_year) - first_year
    origin = ibis.literal(FIRST.replace(tzinfo=None), type="timestamp")
    branches = []
    before = ibis.literal(starts, type="array<int64>")[year]
    for instants, offsets in slots:
        at = origin + ibis.literal(instants, type="array<int64>")[year].as_interval("s")
        branches.append((utc < at, before))
        before = ibis.literal(offsets, type="array<int64>")[year]
    return ibis.cases(*branches, else_=before)


def to_zone(utc: ir.TimestampValue, tz: str) -> ir.TimestampValue:
    """The naive UTC instant ``utc`` as naive wall-clock time in zone ``tz``."""
    return utc + offset_at(utc, tz).as_interval("s")


def edge_offsets(tz: str) -> tuple[int, int]:
    """Zone ``tz``'s offset (seconds) at the start of year 1 and at the end of year 9999."""
    changes = offset_changes(tz)
    return changes[0][1], changes[-1][1]
