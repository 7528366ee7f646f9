"""Prospects (customers who never bought): an inquiry, campaign messages, and long silences.
After 60 quiet days the shop reopens with a care message, unless a lapse is planted."""

from __future__ import annotations

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.customers import PROSPECT
from checker.demo.products import SPAN
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, MIN, daytime

SILENCE = 60 * DAY


def inquiries(st: State) -> None:
    rng = st.rng
    cust = np.flatnonzero(st.cust.kind == PROSPECT)
    n = len(cust)
    ts = rng.integers(0, st.cal.days - 60, n) * DAY + daytime(rng, n, 9.1, 20.2)
    ch = rng.choice([cat.IM, cat.WECHAT], n)
    prod = rng.integers(0, cat.N_EVERYDAY, n)
    text = pick(rng, "inquiry", n)
    answer_ts = ts + rng.integers(5, 30, n) * MIN
    rng.choice(cat.ONLINE_AGENTS, n)  # the draw of old: the demo's other draws stay as they were
    answer = pick(rng, "answer", n)
    # Who answers, from a stream of its own: the excellent agent seldom loses an inquiry.
    weights = cat.LOST_INQUIRY_WEIGHTS / cat.LOST_INQUIRY_WEIGHTS.sum()
    agent = rng.spawn(1)[0].choice(cat.ONLINE_AGENTS, n, p=weights)
    st.events.add(cust, ts, EV["inquiry"], ch=ch, prod=prod, agent=agent, text=text)
    st.events.add(cust, answer_ts, EV["care"], ch=ch, prod=prod, agent=agent, text=answer)


def reopen_after_silence(st: State) -> None:
    """For each prospect message that follows 60+ silent days: care first, or a lapse."""
    cols = st.events.columns()
    mine = np.flatnonzero(st.cust.kind[cols["cust"]] == PROSPECT)
    order = mine[np.argsort(cols["cust"][mine] * SPAN + cols["ts"][mine], kind="stable")]
    cust, ts, ev = cols["cust"][order], cols["ts"][order], cols["ev"][order]
    after = np.zeros(len(order), bool)
    after[1:] = (cust[1:] == cust[:-1]) & (ts[1:] - ts[:-1] >= SILENCE)
    marketing = after & np.isin(ev, cat.MARKETING_EVENTS)
    lapse = st.lapse(len(order), marketing, share=6.0)
    fix = marketing & ~lapse
    n = int(fix.sum())
    care_day = ts[fix] // DAY - st.rng.integers(1, 4, n)
    st.events.add(
        cust[fix],
        care_day * DAY + daytime(st.rng, n),
        EV["care"],
        ch=st.rng.choice([cat.WECHAT, cat.SMS], n),
        agent=st.rng.choice(cat.ONLINE_AGENTS, n),
        text=pick(st.rng, "reconnect", n),
    )
    st.truth.add("cadence.care-before-marketing", order[lapse], cust[lapse])
