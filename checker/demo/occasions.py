"""Holiday and birthday greetings. Every buyer is greeted for every public holiday of the
period (a lapse is planted only for VIP and regular customers, whom the rule covers)."""

from __future__ import annotations

import calendar as pycal
from datetime import date

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.customers import PROSPECT
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, daytime


def holiday_greetings(st: State, segment: np.ndarray) -> None:
    rng, kind = st.rng, st.cust.kind
    cust = np.flatnonzero(kind != PROSPECT)
    covered = np.isin(segment[cust], ["vip", "regular"])
    for key, day0, topic in st.cal.holidays:
        n = len(cust)
        gday = np.maximum(day0 - rng.integers(0, 3, n), 0)
        ts = gday * DAY + daytime(rng, n)
        lapse = st.lapse(n, covered & st.settled(np.full(n, (day0 + 2) * DAY)), share=0.7)
        keep = ~lapse & ~_in_hole(st, cust, ts)
        st.events.add(
            cust[keep],
            ts[keep],
            EV["holiday_greeting"],
            ch=rng.choice(cat.MESSAGE_CHANNELS, n)[keep],
            agent=rng.choice(cat.ONLINE_AGENTS, n)[keep],
            topic=topic,
            text=pick(rng, "holiday_greeting", n)[keep],
        )
        st.truth.add("cadence.holiday-greeting", None, cust[lapse], key)


def birthday_greetings(st: State) -> None:
    rng, c = st.rng, st.cust
    cust = np.flatnonzero(c.bmonth > 0)
    start = st.cal.start.date()
    for year in range(start.year, start.year + st.cal.days // 365 + 2):
        n = len(cust)
        m, d = c.bmonth[cust], c.bday[cust]
        d = np.where((m == 2) & (d == 29) & (not pycal.isleap(year)), 28, d)
        cum = np.cumsum([0, *[pycal.monthrange(year, i)[1] for i in range(1, 12)]])
        day0 = (date(year, 1, 1) - start).days + cum[m - 1] + d - 1
        inside = (day0 >= 0) & (day0 < st.cal.days)
        ts = np.maximum(day0 - rng.integers(0, 2, n), 0) * DAY + daytime(rng, n, 9.3, 12)
        lapse = st.lapse(n, inside & st.settled((day0 + 4) * DAY), share=1.2)
        keep = inside & ~lapse
        st.events.add(
            cust[keep],
            ts[keep],
            EV["birthday_greeting"],
            ch=rng.choice(cat.MESSAGE_CHANNELS, n)[keep],
            agent=rng.choice(cat.ONLINE_AGENTS, n)[keep],
            text=pick(rng, "birthday_greeting", n)[keep],
        )
        st.truth.add("cadence.birthday-greeting", None, cust[lapse], "birthday")


def _in_hole(st: State, cust: np.ndarray, ts: np.ndarray) -> np.ndarray:
    h0, h1 = st.hole_start[cust], st.hole_end[cust]
    return (h0 >= 0) & (ts >= h0 - DAY) & (ts <= h1 + DAY)
