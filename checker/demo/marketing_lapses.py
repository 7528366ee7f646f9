"""Lapses planted around single marketing messages, at most one kind per message:
a "busy" shortly before it, an objection just before it (a hard push), an open complaint
around it, or quiet hours. Also compliant objections answered with a concession."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.complaints import complaint_chain
from checker.demo.customers import PROSPECT
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, HOUR, MIN, daytime

if TYPE_CHECKING:
    from checker.demo.marketing import Messages


@dataclass
class Plants:
    busy: np.ndarray
    hard_push: np.ndarray
    open_complaint: np.ndarray
    objection: np.ndarray  # compliant: answered by a concession


def choose_plants(st: State, m: Messages) -> Plants:
    """Pick the messages to plant around; quiet-hours lapses move the message to the night."""
    k, r = len(m.ts), st.rate
    u = st.rng.random(k)
    ok = (m.burst < 0) & (m.ts <= st.cal.end - 3 * DAY)
    band = [ok & (u >= i * r) & (u < (i + 1) * r) for i in range(4)]
    quiet = band[3]
    night = np.where(
        st.rng.random(k) < 0.5,
        st.rng.integers(int(21.1 * HOUR), 24 * HOUR - 600, k),
        st.rng.integers(7 * HOUR, int(8.9 * HOUR), k),
    )
    m.ts = np.where(quiet, m.ts // DAY * DAY + night, m.ts)
    m.lapses["no-pressure.quiet-hours"] = quiet
    buyer = st.cust.kind[m.cust] != PROSPECT
    return Plants(band[0], band[1], band[2] & buyer, ok & (u >= 4 * r) & (u < 4 * r + 0.06))


def place_plants(st: State, m: Messages, pl: Plants, mid: np.ndarray) -> None:
    rng, ev = st.rng, st.events
    # no-pressure.busy-cooldown: the customer said "busy" 1 to 20 hours before the message.
    b = pl.busy
    ev.add(
        m.cust[b],
        m.ts[b] - rng.integers(1 * HOUR, 20 * HOUR, b.sum()),
        EV["busy"],
        ch=cat.PHONE,
        text=pick(rng, "busy", b.sum()),
    )
    st.truth.add("no-pressure.busy-cooldown", mid[b], m.cust[b])
    # concede.no-hard-push: an objection a few minutes before the message.
    h = pl.hard_push
    aid = ev.add(
        m.cust[h],
        m.ts[h] - rng.integers(5, 60, h.sum()) * MIN,
        EV["objection"],
        ch=m.ch[h],
        text=pick(rng, "objection", h.sum()),
    )
    st.truth.add("concede.no-hard-push", mid[h], m.cust[h])
    st.hard_push.append((aid, mid[h]))
    # service.no-marketing-open-complaint: a complaint before the message, resolved after it.
    o = pl.open_complaint
    t = m.ts[o]
    day, tod = t // DAY, t % DAY
    morning = tod < 12 * HOUR
    span = np.maximum(np.minimum(5 * HOUR, tod - int(9.5 * HOUR)), 2 * HOUR + 1)
    cts = np.where(
        morning,
        (day - 1) * DAY + daytime(rng, len(t), 14, 18),
        t - 2 * HOUR - (rng.random(len(t)) * (span - 2 * HOUR)).astype(np.int64),
    )
    res = np.where(
        morning,
        t + rng.integers(1 * HOUR, 3 * HOUR, len(t)),
        (day + 1) * DAY + daytime(rng, len(t), 9.5, 12),
    )
    fine = cts >= 0
    complaint_chain(
        st,
        m.cust[o][fine],
        cts[fine],
        res[fine],
        rng.integers(0, cat.N_EVERYDAY, fine.sum()),
        np.full(fine.sum(), -1),
        plant=False,
    )
    st.truth.add("service.no-marketing-open-complaint", mid[o][fine], m.cust[o][fine])
    # Compliant: an objection after the message, answered by a concession.
    c = pl.objection
    obj = m.ts[c] + rng.integers(10, 120, c.sum()) * MIN
    con = obj + rng.integers(5, 60, c.sum()) * MIN
    off = (con % DAY > int(20.8 * HOUR)) | (con % DAY < int(9.1 * HOUR))
    next_day = np.where(con % DAY > 12 * HOUR, con // DAY + 1, con // DAY)
    con = np.where(off, next_day * DAY + daytime(rng, c.sum(), 9.2, 11), con)
    ev.add(m.cust[c], obj, EV["objection"], ch=m.ch[c], text=pick(rng, "objection", c.sum()))
    ev.add(
        m.cust[c],
        con,
        EV["concession"],
        ch=m.ch[c],
        agent=rng.choice(cat.ONLINE_AGENTS, c.sum()),
        text=pick(rng, "concession", c.sum()),
    )
