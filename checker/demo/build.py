"""Build the events of one chunk of customers: every step in order, then pad to the exact
size with harmless customer replies."""

from __future__ import annotations

import numpy as np

from checker.demo import catalog as cat
from checker.demo import fillers, lapses, occasions, prospects
from checker.demo.agent_quality import assign_lapses
from checker.demo.buffer import Events
from checker.demo.catalog import EV
from checker.demo.complaints import complaints
from checker.demo.customers import PROSPECT, design_segments, make_customers
from checker.demo.episodes import busy_calls, purchase_episodes
from checker.demo.marketing import marketing
from checker.demo.renewals import renewals
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import HOUR, MIN, Calendar

EVENTS_PER_CUSTOMER = 26.0  # measured on the default calendar
FILL = 0.88  # aim a little under the target, then pad with replies


def build_chunk(seed: int, index: int, cal: Calendar, target: int, rate: float) -> State:
    """A chunk of exactly `target` events (fewer only if no customer could be built)."""
    n = max(1, round(target * FILL / EVENTS_PER_CUSTOMER))
    while True:
        st = _build(np.random.default_rng([seed, 1, index]), cal, n, index == 0, rate)
        if st.events.size <= target or n == 1:
            break
        n = max(1, int(n * target / st.events.size * 0.97))
    _pad(st, target - st.events.size)
    lapses.staff_lapses(st)
    lapses.make_distinct(st)
    lapses.drop_spoiled_hard_push(st)
    lapses.drop_answered_greetings(st)
    assign_lapses(st)
    return st


def _build(rng: np.random.Generator, cal: Calendar, n: int, anchors: bool, rate: float) -> State:
    st = State(rng, cal, make_customers(rng, n, cal), rate, Events(cal.end))
    if anchors:  # the log starts at 09:00 on its first day and ends at its `end`
        st.events.add(
            np.zeros(2),
            np.array([9 * HOUR, cal.end]),
            EV["reply"],
            ch=cat.WECHAT,
            text=pick(rng, "reply", 2),
        )
    fillers.plan_holes(st)
    purchase_episodes(st)
    complaints(st)
    busy_calls(st)
    prospects.inquiries(st)
    marketing(st)
    renewals(st)
    occasions.holiday_greetings(st, design_segments(st.cust, cal.end))
    occasions.birthday_greetings(st)
    fillers.vip_callbacks(st)
    fillers.keep_in_touch(st)
    lapses.quiet_hours_on_care(st)
    prospects.reopen_after_silence(st)
    return st


def _pad(st: State, missing: int) -> None:
    """Replies of buyers to shop messages, a few minutes to three hours later."""
    if missing <= 0:
        return
    cols = st.events.columns()
    parent = np.flatnonzero(
        np.isin(cols["ev"], cat.SHOP_EVENTS)
        & np.isin(cols["ch"], cat.REMOTE_CHANNELS)
        & (st.cust.kind[cols["cust"]] != PROSPECT)
        & (cols["ts"] < st.cal.end - 4 * HOUR)
    )
    rng = st.rng
    if len(parent) == 0:  # a degenerate, tiny log: replies at random times
        cust = rng.integers(0, st.cust.n, missing)
        ts = rng.integers(0, st.cal.end, missing)
        st.events.add(cust, ts, EV["reply"], ch=cat.WECHAT, text=pick(rng, "reply", missing))
        return
    at = rng.choice(parent, missing)
    ts = cols["ts"][at] + rng.integers(2 * MIN, 3 * HOUR, missing)
    st.events.add(
        cols["cust"][at],
        ts,
        EV["reply"],
        ch=cols["ch"][at],
        ref=at,
        text=pick(rng, "reply", missing),
    )
