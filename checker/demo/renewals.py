"""Tea-club memberships running out (seed 003's renewal reminders): each VIP's membership
expires once in the year, logged as an `expiry` event at midnight; a renewal reminder goes
out 3 to 10 days before. Lapse: no reminder, or one sent 20 to 25 days ahead (too early)."""

from __future__ import annotations

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.customers import VIP
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, daytime


def renewals(st: State) -> None:
    rng, cal = st.rng, st.cal
    cust = np.flatnonzero(st.cust.kind == VIP)
    n = len(cust)
    if n == 0 or cal.days < 50:
        return
    day = rng.integers(40, cal.days - 3, n)
    eid = st.events.add(cust, day * DAY, EV["expiry"], ch=-1)
    logged = eid >= 0
    lapse = st.lapse(n, logged)
    early = lapse & (rng.random(n) < 0.5)
    ahead = np.where(early, rng.integers(20, 26, n), rng.integers(3, 11, n))
    keep = ~lapse | early
    st.events.add(
        cust[keep],
        ((day - ahead) * DAY + daytime(rng, n, 10, 17))[keep],
        EV["renewal_reminder"],
        ch=rng.choice([cat.SMS, cat.WECHAT, cat.PHONE], n)[keep],
        agent=rng.choice(cat.ONLINE_AGENTS, n)[keep],
        text=pick(rng, "renewal_reminder", n)[keep],
    )
    st.truth.add("cadence.renewal-reminder", eid[lapse], cust[lapse])
