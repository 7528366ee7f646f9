"""Which product a promotion or price drop features: never one the customer just bought,
unless a lapse of `considerate.no-repeat-offer` / `considerate.price-protection` is planted."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from checker.demo import catalog as cat
from checker.demo.catalog import EV
from checker.demo.state import State
from checker.demo.timeline import DAY

if TYPE_CHECKING:
    from checker.demo.marketing import Messages

SPAN = 1 << 27  # > seconds in the demo period: customer * SPAN + ts orders by (customer, ts)

# (event, rule, window days): a message within the window after buying the same product.
GUARDED = [
    ("promotion", "considerate.no-repeat-offer", 30),
    ("price_drop", "considerate.price-protection", 15),
]


def latest_purchase(st: State, cust: np.ndarray, ts: np.ndarray) -> np.ndarray:
    """Index (into the purchases) of each customer's last purchase before ts, or -1."""
    p = st.cust.purchases
    j = np.searchsorted(p.cust * SPAN + p.ts, cust * SPAN + ts, side="left") - 1
    ok = (j >= 0) & (p.cust[np.maximum(j, 0)] == cust)
    return np.where(ok, j, -1)


def fix_products(st: State, m: Messages) -> dict[str, np.ndarray]:
    """Adjust m.prod in place; returns rule -> messages planted with a lapse."""
    p, rng = st.cust.purchases, st.rng
    j = latest_purchase(st, m.cust, m.ts)
    has = j >= 0
    gap = np.where(has, m.ts - p.ts[np.maximum(j, 0)], 1 << 40)
    last = np.where(has, p.prod[np.maximum(j, 0)], -1)
    lapses = {}
    for event, rule, window in GUARDED:
        kind = m.ev == EV[event]
        clash = kind & (gap <= (window + 1) * DAY) & (m.prod == last)
        other = (last + 1 + rng.integers(0, cat.N_EVERYDAY - 1, len(last))) % cat.N_EVERYDAY
        lapse = st.lapse(len(m.ts), kind & (gap <= (window - 1) * DAY), share=4.0)
        m.prod = np.where(lapse, last, np.where(clash, other, m.prod))
        lapses[rule] = lapse
    return lapses
