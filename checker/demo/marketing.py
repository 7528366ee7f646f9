"""Marketing: customers join some campaign waves (one message each), some opt out, some
object; planted lapses are placed around single marketing messages (see marketing_lapses)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.customers import PROSPECT
from checker.demo.marketing_lapses import choose_plants, place_plants
from checker.demo.products import fix_products
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, HOUR, MIN, daytime

BURST_CLEARANCE = 32  # days around a planted burst without other marketing to that customer


@dataclass
class Messages:
    cust: np.ndarray
    ts: np.ndarray
    ev: np.ndarray
    ch: np.ndarray
    prod: np.ndarray
    wave: np.ndarray
    burst: np.ndarray  # rank within a planted burst of three (-1: not a burst)
    opt_out_here: np.ndarray  # the customer opts out in reply to this message
    after_opt_out: np.ndarray  # sent although the customer had opted out (a lapse)
    lapses: dict[str, np.ndarray] = field(default_factory=dict)  # rule -> planted on message


def marketing(st: State) -> None:
    m = _messages(st)
    plants = choose_plants(st, m)
    price = np.where(
        m.ev == EV["price_drop"],
        cat.PRICES[np.maximum(m.prod, 0)] * 8 // 10,
        np.where(m.ev == EV["promotion"], cat.PRICES[np.maximum(m.prod, 0)] * 9 // 10, -1),
    )
    text = np.select(
        [m.ev == EV["promotion"], m.ev == EV["invitation"]],
        [pick(st.rng, "promotion", len(m.ts)), pick(st.rng, "invitation", len(m.ts))],
        pick(st.rng, "price_drop", len(m.ts)),
    )
    # marketing.invitation-notice: an invitation's due is the activity, 7 to 14 days ahead at
    # 14:00; lapse: only 2 to 5 days ahead.
    invite = m.ev == EV["invitation"]
    short = st.lapse(len(m.ts), invite & (m.ts <= st.cal.end), share=0.5)
    ahead = np.where(short, st.rng.integers(2, 6, len(m.ts)), st.rng.integers(8, 15, len(m.ts)))
    due = np.where(invite, (m.ts // DAY + ahead) * DAY + 14 * HOUR, -1)
    mid = st.events.add(
        m.cust,
        m.ts,
        m.ev,
        due=due,
        ch=m.ch,
        agent=st.rng.choice(cat.ONLINE_AGENTS, len(m.ts)),
        prod=m.prod,
        price=price,
        text=text,
        topic=st.cal.wave_topic[m.wave],
    )
    st.truth.add("marketing.invitation-notice", mid[short], m.cust[short])
    m.lapses["no-pressure.frequency-cap"] = m.burst == 2
    m.lapses["no-pressure.opt-out"] = m.after_opt_out
    for rule, mask in m.lapses.items():
        st.truth.add(rule, mid[mask], m.cust[mask])
    o = m.opt_out_here
    st.events.add(
        m.cust[o],
        m.ts[o] + st.rng.integers(5, 120, o.sum()) * MIN,
        EV["opt_out"],
        ch=m.ch[o],
        ref=mid[o],
        text=pick(st.rng, "opt_out", o.sum()),
    )
    place_plants(st, m, plants, mid)


def _messages(st: State) -> Messages:
    rng, kind, cal = st.rng, st.cust.kind, st.cal
    n, w = len(kind), len(cal.waves)
    share = np.where(kind == PROSPECT, 0.35, 0.3)
    cust, wave = np.nonzero(rng.random((n, w)) < share[:, None])
    count = np.bincount(cust, minlength=n)
    rank = np.arange(len(cust)) - np.searchsorted(cust, cust)
    # Opt-outs: after message i; a lapse keeps one or two more messages coming.
    opts = (count >= 3) & (rng.random(n) < 0.08)
    at = np.where(opts, (rng.random(n) * (count - 1)).astype(np.int64), 1 << 30)
    lapse = st.lapse(n, opts, share=5.0)
    more = np.where(lapse, rng.integers(1, 3, n), 0)
    keep = rank <= at[cust] + more[cust]
    after = rank > at[cust]
    here = rank == at[cust]
    cust, wave, after, here = cust[keep], wave[keep], after[keep], here[keep]
    # Bursts: three messages in one wave (frequency-cap lapse), with a clear month around.
    cand = st.lapse(len(cust), ~opts[cust], share=0.6)
    first = np.unique(cust[cand], return_index=True)[1]
    bwave = np.full(n, -1)
    bwave[cust[cand][first]] = wave[cand][first]
    b = bwave[cust]
    near = (
        (b >= 0)
        & (wave != b)
        & (np.abs(cal.waves[wave] - cal.waves[np.maximum(b, 0)]) <= BURST_CLEARANCE)
    )
    cust, wave, after, here, b = cust[~near], wave[~near], after[~near], here[~near], b[~near]
    is_burst = (b >= 0) & (wave == b)
    reps = np.where(is_burst, 3, 1)
    cust, wave, after, here = (np.repeat(a, reps) for a in (cust, wave, after, here))
    brank = np.where(np.repeat(is_burst, reps), _ranks(reps), -1)
    k = len(cust)
    t = cal.waves[wave] * DAY + rng.integers(0, 2, k) * DAY + daytime(rng, k)
    t = _sort_bursts(t, brank)
    ev = rng.choice([EV["promotion"], EV["invitation"], EV["price_drop"]], k, p=[0.5, 0.25, 0.25])
    prod = np.where(ev == EV["invitation"], -1, cal.wave_product[wave])
    ch = rng.choice(cat.MARKETING_CHANNELS, k, p=[0.4, 0.35, 0.15, 0.1])
    m = Messages(cust, t, ev, ch, prod, wave, brank, here & (brank < 0), after)
    m.lapses.update(fix_products(st, m))
    return m


def _ranks(reps: np.ndarray) -> np.ndarray:
    start = np.repeat(np.cumsum(reps) - reps, reps)
    return np.arange(reps.sum()) - start


def _sort_bursts(t: np.ndarray, brank: np.ndarray) -> np.ndarray:
    """Order the times within each burst so that rank 2 is the latest."""
    idx = np.flatnonzero(brank == 0)
    trio = np.sort(np.stack([t[idx], t[idx + 1], t[idx + 2]], axis=1), axis=1)
    t = t.copy()
    t[idx], t[idx + 1], t[idx + 2] = trio[:, 0], trio[:, 1], trio[:, 2]
    return t
