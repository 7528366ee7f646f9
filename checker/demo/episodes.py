"""Purchase episodes (farewell, greeting, usage check, gift, pre-sale promise) and the
"busy" phone calls. Each follow-up is on time unless a lapse is planted."""

from __future__ import annotations

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.customers import PROSPECT, VIP
from checker.demo.promises import promise_chain
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, HOUR, MIN, daytime, zone_day


def purchase_episodes(st: State) -> np.ndarray:
    """Purchases and their follow-ups; returns the purchases' event indices."""
    p, rng, ev = st.cust.purchases, st.rng, st.events
    n = len(p.ts)
    day = p.ts // DAY
    store = p.ch == cat.STORE
    agent = np.where(store, rng.choice(cat.STORE_AGENTS, n), -1)
    pid = ev.add(
        p.cust,
        p.ts,
        EV["purchase"],
        ch=p.ch,
        agent=agent,
        prod=p.prod,
        amount=p.amount,
        order=np.arange(n),
    )
    msg_ch = np.where(store, rng.choice([cat.WECHAT, cat.SMS], n), p.ch)
    online_agent = rng.choice(cat.ONLINE_AGENTS, n)  # who served an online order, follows up
    # Drawn from a stream of their own (the demo's other draws stay as they were): online
    # orders carry their agent, and most follow a pre-sale inquiry that agent answered.
    own = rng.spawn(1)[0]
    agent = np.where(store, agent, online_agent)
    ev.columns()["agent"][pid[pid >= 0]] = agent[pid >= 0]
    _inquiries_before(st, own, ~store & (own.random(n) < 0.6), online_agent)

    # cadence.farewell: store purchases -> farewell within 15 minutes.
    lapse = st.lapse(n, store & st.settled(p.ts + 15 * MIN))
    keep = store & ~lapse
    ev.add(
        p.cust[keep],
        p.ts[keep] + rng.integers(60, 600, keep.sum()),
        EV["farewell"],
        ch=cat.STORE,
        agent=agent[keep],
        text=pick(rng, "farewell", keep.sum()),
    )
    st.truth.add("cadence.farewell", pid[lapse], p.cust[lapse])

    # cadence.greeting: a greeting (or a care message) the next day (within 2 d, at least 1 h
    # after); lapse: none, late, or only a thank-you within minutes of paying (part of the
    # visit, which does not count).
    # kf02 skips greetings on their own orders far more often than the rest.
    skips = (agent == cat.SKIPS_GREETINGS) & (own.random(n) < 0.4) & (st.rate > 0)
    lapse = st.lapse(n, st.settled(p.ts + 2 * DAY)) | (skips & st.settled(p.ts + 2 * DAY))
    late = lapse & (rng.random(n) < 0.5)
    # (an online thank-you only in the day: at night it would break the quiet hours)
    daytime_buy = (p.ts % DAY >= 9 * HOUR) & (p.ts % DAY < 20 * HOUR)
    at_once = lapse & ~late & (rng.random(n) < 0.5) & (store | daytime_buy)
    gday = np.where(late, day + 3 + rng.integers(0, 2, n), day + 1)
    care = rng.random(n) < 0.25
    gev = np.where(care, EV["care"], EV["greeting"])
    gtext = np.where(care, pick(rng, "care", n), pick(rng, "greeting", n))
    keep = ~lapse | late
    ev.add(
        p.cust[keep],
        (gday * DAY + daytime(rng, n))[keep],
        gev[keep],
        ch=msg_ch[keep],
        agent=online_agent[keep],
        prod=p.prod[keep],
        text=gtext[keep],
    )
    ev.add(
        p.cust[at_once],
        p.ts[at_once] + rng.integers(20, 50, at_once.sum()),
        EV["thanks"],
        ch=p.ch[at_once],
        agent=np.where(store, agent, online_agent)[at_once],
        text=pick(rng, "thanks", n)[at_once],
    )
    st.truth.add("cadence.greeting", pid[lapse], p.cust[lapse])

    # cadence.usage-check: 3 to 6 days after; lapse: none or 8 to 9 days after.
    lapse = st.lapse(n, st.settled(p.ts + 7 * DAY))
    late = lapse & (rng.random(n) < 0.5)
    uday = np.where(late, day + 8 + rng.integers(0, 2, n), day + rng.integers(3, 7, n))
    keep = ~lapse | late
    uch = np.where(rng.random(n) < 0.3, cat.PHONE, msg_ch)
    ev.add(
        p.cust[keep],
        (uday * DAY + daytime(rng, n))[keep],
        EV["usage_check"],
        ch=uch[keep],
        agent=online_agent[keep],
        prod=p.prod[keep],
        text=pick(rng, "usage_check", n)[keep],
    )
    st.truth.add("cadence.usage-check", pid[lapse], p.cust[lapse])

    # graceful-close.vip-gift: a VIP's big order -> gift within 30 days.
    vip_big = (st.cust.kind[p.cust] == VIP) & (p.amount >= 2000)
    lapse = st.lapse(n, vip_big & st.settled(p.ts + 30 * DAY), share=1.5)
    keep = vip_big & ~lapse
    gift_day = day + rng.integers(5, 21, n)
    ev.add(
        p.cust[keep],
        (gift_day * DAY + daytime(rng, n))[keep],
        EV["gift"],
        ch=rng.choice([cat.MAIL, cat.VISIT], n)[keep],
        agent=online_agent[keep],
        prod=p.prod[keep],
        text=pick(rng, "gift", n)[keep],
    )
    st.truth.add("graceful-close.vip-gift", pid[lapse], p.cust[lapse])

    # Pre-sale promises on some online orders: "shipped by <due>".
    pre = ~store & (rng.random(n) < 0.12)
    tod = p.ts % DAY
    same_day = tod <= 19 * HOUR
    soon = np.maximum(tod + rng.integers(5, 50, n) * MIN, daytime(rng, n, 9.5, 10.5))
    pts = np.where(same_day, day * DAY + soon, (day + 1) * DAY + daytime(rng, n, 9.5, 12))
    promise_chain(
        st,
        p.cust[pre],
        pts[pre],
        msg_ch[pre],
        online_agent[pre],
        p.prod[pre],
        due_days=rng.integers(2, 6, pre.sum()),
        order=np.flatnonzero(pre),
    )
    return pid


def _inquiries_before(
    st: State, rng: np.random.Generator, asked: np.ndarray, agent: np.ndarray
) -> None:
    """Pre-sale questions a few minutes to a day before the ``asked`` purchases, answered by
    the agent who then took the order (they convert within the playbook's window)."""
    p = st.cust.purchases
    n = int(asked.sum())
    ts = np.maximum(p.ts[asked] - rng.integers(10 * MIN, DAY, n), 0)
    st.events.add(
        p.cust[asked],
        ts,
        EV["inquiry"],
        ch=p.ch[asked],
        agent=agent[asked],
        prod=p.prod[asked],
        text=pick(rng, "inquiry", n),
    )


def busy_calls(st: State) -> None:
    """Care calls in quiet zones where the customer says it is not a good moment."""
    rng, kind = st.rng, st.cust.kind
    eligible = (kind != PROSPECT) & (st.hole_start < 0) & (rng.random(len(kind)) < 0.3)
    cust = np.flatnonzero(eligible)
    zone = rng.integers(0, len(st.cal.zones), len(cust))
    lo, hi = st.cal.zones[zone, 0], st.cal.zones[zone, 1] - 1
    day = zone_day(st.cal, rng, lo + (rng.random(len(cust)) * (hi - lo)).astype(np.int64), 1)
    ok = day >= 0
    cust, day = cust[ok], day[ok]
    call = day * DAY + daytime(rng, len(cust))
    agent = rng.choice(cat.ONLINE_AGENTS, len(cust))
    st.events.add(
        cust, call, EV["care"], ch=cat.PHONE, agent=agent, text=pick(rng, "care_call", len(cust))
    )
    st.events.add(
        cust,
        call + rng.integers(20, 180, len(cust)),
        EV["busy"],
        ch=cat.PHONE,
        text=pick(rng, "busy", len(cust)),
    )
