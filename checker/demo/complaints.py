"""Complaint episodes: complaint -> acknowledgement -> (a progress update each day while it
stays open) -> resolution -> feedback, sometimes a promise and a refund. Regular ones sit in
quiet zones, away from any marketing."""

from __future__ import annotations

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.customers import VIP
from checker.demo.promises import promise_chain
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, HOUR, MIN, daytime, zone_day


def complaints(st: State) -> None:
    """About one purchase in eight leads to a complaint a few days later."""
    p, rng = st.cust.purchases, st.rng
    chosen = np.flatnonzero(rng.random(len(p.ts)) < 0.12)
    day = zone_day(st.cal, rng, p.ts[chosen] // DAY + 2 + rng.integers(0, 5, len(chosen)), 4)
    chosen, day = chosen[day >= 0], day[day >= 0]
    n = len(chosen)
    cts = day * DAY + daytime(rng, n, 9.5, 15)
    late = st.lapse(n, st.settled(cts + 2 * DAY))
    res_day = np.where(late, day + rng.integers(3, 5, n), day + 1)
    res = res_day * DAY + daytime(rng, n, 10, 18)
    cid = complaint_chain(st, p.cust[chosen], cts, res, p.prod[chosen], chosen, plant=True)
    st.truth.add("service.complaint-resolution", cid[late], p.cust[chosen][late])


def complaint_chain(
    st: State,
    cust: np.ndarray,
    cts: np.ndarray,
    res: np.ndarray,
    prod: np.ndarray,
    order: np.ndarray,
    plant: bool,
) -> np.ndarray:
    """One complaint episode per row; returns the complaints' event indices. With `plant`,
    lapses of the acknowledgement and feedback rules are planted."""
    rng, ev, n = st.rng, st.events, len(cts)
    ch = rng.choice([cat.IM, cat.WECHAT, cat.PHONE], n)
    agent = rng.choice(cat.ONLINE_AGENTS, n)
    cid = ev.add(  # the row names the agent who took the complaint (and handles it)
        cust,
        cts,
        EV["complaint"],
        ch=ch,
        agent=agent,
        prod=prod,
        order=order,
        text=pick(rng, "complaint", n),
    )
    # service.complaint-ack: within 2 h; lapse: none, or 2.5 to 5 h later.
    lapse = st.lapse(n, st.settled(cts + 2 * HOUR)) if plant else np.zeros(n, bool)
    late = lapse & (rng.random(n) < 0.5)
    ack = cts + np.where(late, rng.integers(150, 300, n), rng.integers(5, 90, n)) * MIN
    keep = ~lapse | late
    aid = np.full(n, -1, np.int64)
    aid[keep] = ev.add(
        cust[keep],
        ack[keep],
        EV["complaint_ack"],
        ch=ch[keep],
        agent=agent[keep],
        ref=cid[keep],
        text=pick(rng, "complaint_ack", n)[keep],
    )
    st.truth.add("service.complaint-ack", cid[lapse], cust[lapse])
    progress_updates(st, cust, ack, res, ch, agent, cid, aid, plant)
    rid = ev.add(
        cust,
        res,
        EV["resolution"],
        ch=ch,
        agent=agent,
        prod=prod,
        ref=cid,
        order=order,
        text=pick(rng, "resolution", n),
    )
    # service.complaint-feedback: within 24 h of the resolution; lapse: none, or 2 days later.
    lapse = st.lapse(n, st.settled(res + DAY) & (rid >= 0)) if plant else np.zeros(n, bool)
    late = lapse & (rng.random(n) < 0.5)
    fb = np.where(
        late, (res // DAY + 2) * DAY + daytime(rng, n, 10, 18), res + rng.integers(20, 150, n) * MIN
    )
    keep = (~lapse | late) & (rid >= 0)
    ev.add(
        cust[keep],
        fb[keep],
        EV["feedback"],
        ch=ch[keep],
        agent=agent[keep],
        ref=rid[keep],
        text=pick(rng, "feedback", n)[keep],
    )
    st.truth.add("service.complaint-feedback", rid[lapse], cust[lapse])
    promised = rng.random(n) < 0.5
    promise_chain(
        st,
        cust[promised],
        res[promised] + rng.integers(2, 10, promised.sum()) * MIN,
        ch[promised],
        agent[promised],
        prod[promised],
        due_days=np.full(promised.sum(), 3),
        order=order[promised],
    )
    refund = (st.cust.kind[cust] != VIP) & (rng.random(n) < 0.4) & (order >= 0)
    amount = np.where(order >= 0, st.cust.purchases.amount[np.maximum(order, 0)], -1)
    ev.add(
        cust[refund],
        res[refund] + rng.integers(30, 360, refund.sum()) * MIN,
        EV["refund"],
        ch=ch[refund],
        prod=prod[refund],
        order=order[refund],
        amount=amount[refund],
    )
    return cid


def progress_updates(
    st: State,
    cust: np.ndarray,
    ack: np.ndarray,
    res: np.ndarray,
    ch: np.ndarray,
    agent: np.ndarray,
    cid: np.ndarray,
    aid: np.ndarray,
    plant: bool,
) -> None:
    """service.complaint-updates: a progress update each day between the acknowledgement and
    the resolution (so never 2 days without news); lapse: none at all in a case open for
    more than 2 days (the finding names the acknowledgement)."""
    rng, ev, n = st.rng, st.events, len(ack)
    long_open = (aid >= 0) & (res - ack > 2 * DAY) & st.settled(ack + 2 * DAY)
    lapse = st.lapse(n, long_open, share=0.5) if plant else np.zeros(n, bool)
    for k in range(1, 6):
        day = ack // DAY + k
        due = (day < res // DAY) & ~lapse
        ev.add(
            cust[due],
            (day * DAY + daytime(rng, n, 10, 18))[due],
            EV["progress"],
            ch=ch[due],
            agent=agent[due],
            ref=cid[due],
            text=pick(rng, "progress", n)[due],
        )
    # Some cases get a first progress note a little after the acknowledgement (in the day).
    soon = ack + rng.integers(60, 180, n) * MIN
    first = ~lapse & (aid >= 0) & (rng.random(n) < 0.3) & (soon < res) & (soon % DAY < 20 * HOUR)
    ev.add(
        cust[first],
        soon[first],
        EV["progress"],
        ch=ch[first],
        agent=agent[first],
        ref=cid[first],
        text=pick(rng, "progress", n)[first],
    )
    st.truth.add("service.complaint-updates", aid[lapse], cust[lapse])
