"""VIP call-backs at the start and the end of every month (seed 003's renewal plan).

A call on the 1st or 2nd and on the last or second-to-last day of each month keeps every gap
under 31 days (`cadence.vip-callback`). A planted lapse drops one of them and puts a call
just outside its window instead, so no gap grows. Inside a planted `cadence.vip-callback`
hole no call is made at all: the month windows there lapse too, unless the hole's own
call-backs fall in them.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from checker.demo.state import State
from checker.demo.timeline import DAY, daytime

WINDOW = 5  # days: the 1st to the 5th, the last five days


def month_edges(start: date, days: int) -> list[tuple[int, int]]:
    """(first day, last day) of each month touching the period, as day offsets from start."""
    out, month = [], date(start.year, start.month, 1)
    while (month - start).days < days:
        following = (month + timedelta(days=32)).replace(day=1)
        out.append(((month - start).days, (following - start).days - 1))
        month = following
    return out


def month_callbacks(
    st: State, vip: np.ndarray, h0: np.ndarray, h1: np.ndarray, call: object
) -> None:
    """Calls for every customer in ``vip`` (a mask); ``h0``/``h1``: the planted hole per
    customer (-1: none); ``call(st, cust, ts)`` logs call-backs (see `fillers`)."""
    rng, cust = st.rng, np.flatnonzero(vip)
    last_day = st.cal.end // DAY
    for first, last in month_edges(st.cal.start.date(), st.cal.days):
        for key, day0, lo, hi, at, instead in (
            ("month_start", first, first, first + WINDOW, first, first + WINDOW),
            ("month_end", last, last - WINDOW + 1, last + 1, last - 1, last - WINDOW),
        ):
            if not 0 <= day0 <= last_day:
                continue
            n = len(cust)
            ts = (at + rng.integers(0, 2, n)) * DAY + daytime(rng, n, 10, 17)
            settled = np.full(n, hi * DAY < st.cal.end - DAY)
            a, b = h0[cust], h1[cust]
            hole = (a >= 0) & (ts >= a - DAY) & (ts <= b + DAY)
            # one of the hole's own call-backs in the window answers it
            edge = (a >= 0) & (
                ((a >= lo * DAY) & (a < hi * DAY)) | ((b >= lo * DAY) & (b < hi * DAY))
            )
            lapse = st.lapse(n, settled & ~hole & ~edge & (lo >= 0), share=0.5)
            moved = np.where(lapse, instead * DAY + daytime(rng, n, 10, 17), ts)
            in_hole = (a >= 0) & (moved >= a - DAY) & (moved <= b + DAY)
            keep = ~hole & ~in_hole & (moved <= st.cal.end)
            call(st, cust[keep], moved[keep])
            missed = lapse | (hole & ~edge & settled)
            st.truth.add(f"cadence.{key.replace('_', '-')}-callback", None, cust[missed], key)
