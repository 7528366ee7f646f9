"""Demo customers: who they are (prospect, one-off, regular, VIP), what they buy and when,
their birthdays, and their segment at the end of the log."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from checker.demo import catalog as cat
from checker.demo.timeline import DAY, HOUR, Calendar

PROSPECT, ONEOFF, REGULAR, VIP = 0, 1, 2, 3
PURCHASE_SPACING = 35  # days between two purchases of one customer (longest follow-up: 30 d)
DORMANT_AFTER = 180 * DAY


@dataclass
class Purchases:
    cust: np.ndarray
    ts: np.ndarray
    prod: np.ndarray
    amount: np.ndarray
    ch: np.ndarray
    big: np.ndarray
    rank: np.ndarray  # 0 for the customer's first purchase


@dataclass
class Customers:
    kind: np.ndarray
    bmonth: np.ndarray  # 0 = birthday unknown
    bday: np.ndarray
    byear: np.ndarray  # 0 = written as MM-DD
    purchases: Purchases

    @property
    def n(self) -> int:
        return len(self.kind)


def make_customers(rng: np.random.Generator, n: int, cal: Calendar) -> Customers:
    n_prospect = round(0.08 * n) if n >= 10 else 0
    buyers = n - n_prospect
    n_vip = math.ceil(0.22 * buyers)  # >= 20 % of buyers: the top share is always a VIP
    n_regular = min(round(0.30 * n), buyers - n_vip)
    n_oneoff = buyers - n_vip - n_regular
    kind = np.repeat([PROSPECT, ONEOFF, REGULAR, VIP], [n_prospect, n_oneoff, n_regular, n_vip])
    rng.shuffle(kind)
    bmonth, bday, byear = _birthdays(rng, kind)
    return Customers(kind, bmonth, bday, byear, _purchases(rng, kind, cal))


def _birthdays(rng: np.random.Generator, kind: np.ndarray) -> tuple[np.ndarray, ...]:
    n = len(kind)
    known = (kind != PROSPECT) & (rng.random(n) < 0.45)
    month = rng.integers(1, 13, n)
    mdays = np.array([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[month - 1]
    day = 1 + (rng.random(n) * mdays).astype(np.int64)
    year = rng.integers(1962, 2004, n)
    year = np.where((month == 2) & (day == 29), 1988, year)  # a leap year for Feb 29
    year = np.where(rng.random(n) < 0.15, 0, year)
    return np.where(known, month, 0), np.where(known, day, 0), np.where(known, year, 0)


def _purchases(rng: np.random.Generator, kind: np.ndarray, cal: Calendar) -> Purchases:
    k = np.select(
        [kind == ONEOFF, kind == REGULAR, kind == VIP],
        [1, rng.integers(2, 5, len(kind)), rng.integers(5, 9, len(kind))],
        0,
    )
    cust = np.repeat(np.arange(len(kind)), k)
    span = (cal.days - 2) - PURCHASE_SPACING * (k - 1)
    u = rng.random(len(cust)) * (span[cust] + 1)
    order = np.lexsort((u, cust))
    cust, u = cust[order], u[order]
    first = np.searchsorted(cust, cust, side="left")
    rank = np.arange(len(cust)) - first
    day = u.astype(np.int64) + PURCHASE_SPACING * rank
    store = rng.random(len(cust)) < 0.35
    online_tod = np.where(
        rng.random(len(cust)) < 0.85,
        rng.integers(8 * HOUR, 24 * HOUR, len(cust)),
        rng.integers(0, 24 * HOUR, len(cust)),
    )
    tod = np.where(store, rng.integers(10 * HOUR, 21 * HOUR + 1800, len(cust)), online_tod)
    ch = np.where(store, cat.STORE, np.where(rng.random(len(cust)) < 0.7, cat.IM, cat.WECHAT))
    # VIPs buy at least two big items; nobody else buys any.
    is_vip = kind[cust] == VIP
    kk = np.maximum(k, 1)
    a_of = (rng.random(len(kind)) * kk).astype(np.int64)  # two distinct big purchases
    b_of = (a_of + 1 + (rng.random(len(kind)) * np.maximum(kk - 1, 1)).astype(np.int64)) % kk
    big = is_vip & ((rank == a_of[cust]) | (rank == b_of[cust]) | (rng.random(len(cust)) < 0.3))
    prod = np.where(
        big, rng.choice(cat.BIG_IDS, len(cust)), rng.integers(0, cat.N_EVERYDAY, len(cust))
    )
    return Purchases(cust, day * DAY + tod, prod, cat.PRICES[prod], ch, big, rank)


def design_segments(customers: Customers, end: int) -> np.ndarray:
    """Each customer's segment at the end of the log, as designed: 'vip', 'dormant',
    'regular', 'new' or '' (prospects). `checks.verify_segments` confirms it from the log."""
    p = customers.purchases
    count = np.bincount(p.cust, minlength=customers.n)
    last = np.full(customers.n, -1, np.int64)
    np.maximum.at(last, p.cust, p.ts)
    seg = np.select(
        [
            customers.kind == VIP,
            (count >= 1) & (end - last > DORMANT_AFTER),
            count >= 2,
            count == 1,
        ],
        ["vip", "dormant", "regular", "new"],
        "",
    )
    return seg.astype(object)
