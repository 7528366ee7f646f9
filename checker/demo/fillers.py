"""Regular contact: VIP call-backs and keep-in-touch care messages fill every gap that would
break `cadence.vip-callback` / `cadence.keep-in-touch`, except the gaps planted as lapses."""

from __future__ import annotations

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.customers import ONEOFF, PROSPECT, VIP
from checker.demo.month_calls import month_callbacks
from checker.demo.products import SPAN
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, HOUR, daytime

KEEP_IN_TOUCH_FILL = 40 * DAY  # limit 45 d, minus a day for snapping, a day for quiet hours
CALLBACK_FILL = 27 * DAY  # limit 31 d


def plan_holes(st: State) -> None:
    """One-off customers without a birthday may get a 47-57 day gap after their purchase."""
    c, rng = st.cust, st.rng
    n = c.n
    day = np.full(n, -1)
    day[c.purchases.cust] = c.purchases.ts // DAY
    lo, hi = day + 12, st.cal.days - 66
    ok = (c.kind == ONEOFF) & (c.bmonth == 0) & (day >= 0) & (hi >= lo)
    hole = st.lapse(n, ok, share=2.0)
    h0 = (lo + (rng.random(n) * np.maximum(hi - lo, 0)).astype(np.int64)) * DAY
    h0 = h0 + daytime(rng, n)
    h1 = (h0 // DAY + rng.integers(47, 58, n)) * DAY + daytime(rng, n)
    st.hole_start, st.hole_end = np.where(hole, h0, -1), np.where(hole, h1, -1)


def vip_callbacks(st: State) -> None:
    rng, n = st.rng, st.cust.n
    first = _first_event(st)
    vip = (st.cust.kind == VIP) & (first < st.cal.end)
    lo, hi = first // DAY + 3, st.cal.days - 55
    hole = st.lapse(n, vip & (hi >= lo), share=2.0)
    h0 = (lo + (rng.random(n) * np.maximum(hi - lo, 0)).astype(np.int64)) * DAY + daytime(rng, n)
    h1 = (h0 // DAY + rng.integers(35, 49, n)) * DAY + daytime(rng, n)
    cust = np.flatnonzero(hole)
    month_callbacks(st, vip, np.where(hole, h0, -1), np.where(hole, h1, -1), _callbacks)
    ids = _callbacks(st, np.concatenate([cust, cust]), np.concatenate([h0[cust], h1[cust]]))
    st.truth.add("cadence.vip-callback", ids[: len(cust)], cust)
    gaps = _gaps(
        st,
        vip,
        first,
        np.isin(st.events.columns()["ev"], [EV["callback"], EV["visit"]]),
        np.where(hole, h0, -1),
        CALLBACK_FILL,
    )
    _callbacks(st, *gaps)


def keep_in_touch(st: State) -> None:
    first = _first_event(st)
    buyer = st.cust.kind != PROSPECT
    h0, h1 = st.hole_start, st.hole_end
    cust = np.flatnonzero(h0 >= 0)
    ids = _cares(st, np.concatenate([cust, cust]), np.concatenate([h0[cust], h1[cust]]))
    st.truth.add("cadence.keep-in-touch", ids[: len(cust)], cust)
    ev = st.events.columns()["ev"]
    contact = np.isin(ev, cat.CARE_EVENTS) | (ev == EV["purchase"])
    _cares(st, *_gaps(st, buyer, first, contact, h0, KEEP_IN_TOUCH_FILL))


def _first_event(st: State) -> np.ndarray:
    cols = st.events.columns()
    first = np.full(st.cust.n, st.cal.end + 1)
    np.minimum.at(first, cols["cust"], cols["ts"])
    return first


def _gaps(
    st: State,
    scope: np.ndarray,
    first: np.ndarray,
    contact: np.ndarray,
    skip_from: np.ndarray,
    limit: int,
) -> tuple[np.ndarray, np.ndarray]:
    """(customer, ts) of new contacts so that no gap in scope exceeds `limit`: between the
    first event, each contact and the end of the log; the gap starting at skip_from stays."""
    cols = st.events.columns()
    sel = contact & scope[cols["cust"]]
    inscope = np.flatnonzero(scope & (first <= st.cal.end))
    cust = np.concatenate([cols["cust"][sel], inscope, inscope])
    ts = np.concatenate([cols["ts"][sel], first[inscope], np.full(len(inscope), st.cal.end)])
    order = np.argsort(cust * SPAN + ts, kind="stable")
    cust, ts = cust[order], ts[order]
    same = cust[1:] == cust[:-1]
    gap = ts[1:] - ts[:-1]
    need = same & (gap > limit) & (ts[:-1] != skip_from[cust[:-1]])
    k = np.where(need, -(-gap // limit) - 1, 0)
    at = np.repeat(np.arange(len(k)), k)
    i = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k) + 1
    new = ts[at] + gap[at] * i // (k[at] + 1)
    tod = new % DAY
    off = (tod < int(9.1 * HOUR)) | (tod > int(20.8 * HOUR))
    new = np.where(off, new // DAY * DAY + daytime(st.rng, len(new), 10, 17), new)
    return cust[at], new


def _callbacks(st: State, cust: np.ndarray, ts: np.ndarray) -> np.ndarray:
    rng, n = st.rng, len(ts)
    visit = rng.random(n) < 0.15
    return st.events.add(
        cust,
        ts,
        np.where(visit, EV["visit"], EV["callback"]),
        ch=np.where(visit, cat.VISIT, cat.PHONE),
        agent=rng.choice(cat.ONLINE_AGENTS, n),
        text=np.where(visit, pick(rng, "visit", n), pick(rng, "callback", n)),
    )


def _cares(st: State, cust: np.ndarray, ts: np.ndarray) -> np.ndarray:
    rng, n = st.rng, len(ts)
    return st.events.add(
        cust,
        ts,
        EV["care"],
        ch=rng.choice([cat.WECHAT, cat.SMS], n),
        agent=rng.choice(cat.ONLINE_AGENTS, n),
        text=pick(rng, "care", n),
    )
