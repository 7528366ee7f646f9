"""The demo year: its days, campaign waves, quiet zones between them, and public holidays.

Times are integer seconds from the first day's midnight (naive local time). Marketing happens
only in campaign waves (two days each, at least 18 days apart), so no customer ever gets more
than two marketing messages in 30 days unless a lapse is planted. Complaints and "busy" calls
go into the quiet zones, days at least four days away from any wave.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import holidays as holidays_lib
import numpy as np

from checker.demo.catalog import CAMPAIGNS, N_EVERYDAY
from checker.playbook import load_playbook

MIN = 60
HOUR = 3600
DAY = 86400
PERIOD_DAYS = 365
END_TOD = 20 * HOUR + 30 * MIN  # the log ends on its last day at 20:30
WAVE_DAYS = 2
ZONE_MARGIN = 4


@dataclass(frozen=True)
class Calendar:
    start: datetime
    days: int
    end: int  # seconds: the latest event of the log (the audit's as_of)
    waves: np.ndarray  # first day of each campaign wave
    wave_topic: np.ndarray  # index into TOPICS
    wave_product: np.ndarray  # featured everyday product
    zones: np.ndarray  # (n, 2): first and last day of each quiet zone
    holidays: list[tuple[str, int, int]]  # (playbook key, day, topic)
    topics: list[str]


def make_calendar(start: date, rng: np.random.Generator) -> Calendar:
    days = PERIOD_DAYS
    waves = [3 + int(rng.integers(0, 5))]
    while waves[-1] + 24 < days - 3:
        waves.append(waves[-1] + int(rng.integers(18, 25)))
    w = np.array(waves, dtype=np.int64)
    bounds = np.concatenate([[-WAVE_DAYS - ZONE_MARGIN], w, [days + ZONE_MARGIN]])
    first = bounds[:-1] + WAVE_DAYS + ZONE_MARGIN
    last = bounds[1:] - ZONE_MARGIN - 1
    first, last = np.maximum(first, 0), np.minimum(last, days - 1)
    ok = last - first >= 6
    zones = np.stack([first[ok], last[ok]], axis=1)
    hol = _holidays(start, days)
    topics = list(CAMPAIGNS) + [zh for _, _, zh in hol]
    return Calendar(
        start=datetime(start.year, start.month, start.day),
        days=days,
        end=(days - 1) * DAY + END_TOD,
        waves=w,
        wave_topic=_themes(start, w),
        wave_product=rng.integers(0, N_EVERYDAY, len(w)),
        zones=zones,
        holidays=[(key, day, len(CAMPAIGNS) + i) for i, (key, day, _) in enumerate(hol)],
        topics=topics,
    )


def _themes(start: date, waves: np.ndarray) -> np.ndarray:
    """The campaign (index into CAMPAIGNS) of each wave: its month's theme, else members' day."""
    months = [(start + timedelta(days=int(d))).month for d in waves]
    themes = [m if i == 0 or months[i - 1] != m else 0 for i, m in enumerate(months)]
    return np.array(themes, dtype=np.int64)


def _holidays(start: date, days: int) -> list[tuple[str, int, str]]:
    """(key, day offset, Chinese name) of each configured holiday inside the period."""
    cal = load_playbook().data.get("calendar", {})
    end = start + timedelta(days=days - 1)
    years = list(range(start.year, end.year + 1))
    names = holidays_lib.country_holidays(cal.get("country", "CN"), years=years, language="en_US")
    out = []
    for key, spec in cal.get("holidays", {}).items():
        for year in years:
            found = sorted(d for d, n in names.items() if n == spec["match"] and d.year == year)
            if found and start <= found[0] <= end:
                out.append((key, (found[0] - start).days, spec.get("zh", key)))
    return sorted(out, key=lambda h: h[1])


def daytime(rng: np.random.Generator, n: int, lo: float = 9.1, hi: float = 20.8) -> np.ndarray:
    """n random times of day (seconds) between lo and hi o'clock."""
    return rng.integers(int(lo * HOUR), int(hi * HOUR), n)


def zone_day(
    cal: Calendar, rng: np.random.Generator, not_before: np.ndarray, room: int
) -> np.ndarray:
    """A day in a quiet zone, at or after `not_before`, leaving `room` days in the zone
    (-1 where no zone is left)."""
    latest = cal.zones[:, 1] - room
    z = np.searchsorted(latest, not_before, side="left")
    found = z < len(latest)
    zc = np.minimum(z, len(latest) - 1)
    lo = np.maximum(not_before, cal.zones[zc, 0])
    hi = latest[zc]
    ok = found & (hi >= lo)
    day = lo + (rng.random(len(lo)) * (hi - lo + 1)).astype(np.int64)
    return np.where(ok, np.minimum(day, hi), -1)
