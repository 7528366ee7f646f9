"""The demo shop log, chunk by chunk: events in (almost) time order with ids, the planted
lapses (truth) and the customers file rows."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import numpy as np

from checker.demo.build import build_chunk
from checker.demo.catalog import EV
from checker.demo.customers import PROSPECT, VIP, design_segments
from checker.demo.state import State
from checker.demo.timeline import Calendar, make_calendar

CHUNK_EVENTS = 400_000
SWAP_SHARE = 0.01  # adjacent rows swapped: "mostly sorted, not strictly"


@dataclass(frozen=True)
class DemoSpec:
    events: int = 3000
    seed: int = 7
    start: date = date(2024, 7, 1)
    rate: float = 0.07  # share of opportunities with a planted lapse (roughly, per rule)
    chunk_events: int = CHUNK_EVENTS  # events built at a time (bounds the memory)
    mixed_ts: bool | None = None  # a few ISO/offset times; default: for logs up to 100,000


@dataclass
class Chunk:
    cal: Calendar
    cols: dict[str, np.ndarray]  # in file order; ids are global numbers (1-based)
    truth: list[tuple[str, int, int, str]]  # rule, event number (0: none), customer number, detail
    customers: list[tuple[int, int, int, int, str]]  # number, year, month, day, tier
    spend: np.ndarray  # per customer of the chunk, for the segment check
    orders: np.ndarray
    vip: np.ndarray
    first_customer: int


def generate(spec: DemoSpec) -> Iterator[Chunk]:
    cal = make_calendar(spec.start, np.random.default_rng([spec.seed, 0]))
    n_chunks = max(1, math.ceil(spec.events / spec.chunk_events))
    sizes = np.diff(np.linspace(0, spec.events, n_chunks + 1).round().astype(np.int64))
    cust_base = event_base = order_base = 0
    for i, size in enumerate(sizes):
        st = build_chunk(spec.seed, i, cal, int(size), spec.rate)
        chunk = _assemble(st, cust_base, event_base, order_base)
        yield chunk
        cust_base += st.cust.n
        event_base += st.events.size
        order_base += len(st.cust.purchases.ts)


def _assemble(st: State, cust_base: int, event_base: int, order_base: int) -> Chunk:
    cols = st.events.columns()
    n = len(cols["ts"])
    order = np.argsort(cols["ts"], kind="stable")
    swap = np.flatnonzero(st.rng.random(max(n - 1, 0)) < SWAP_SHARE)
    for i in swap:  # few: a loop keeps overlapping swaps well defined
        order[i], order[i + 1] = order[i + 1], order[i]
    number = np.empty(n, np.int64)
    number[order] = event_base + np.arange(1, n + 1)
    out = {name: col[order] for name, col in cols.items()}
    out["id"] = number[order]
    out["ref"] = np.where(out["ref"] >= 0, number[np.maximum(out["ref"], 0)], -1)
    out["cust"] = out["cust"] + cust_base + 1
    out["order"] = np.where(out["order"] >= 0, out["order"] + order_base + 1, -1)
    truth = []
    for rule, ev, cust, detail in st.truth.rows:
        details = [detail] * len(cust) if isinstance(detail, str) else list(detail)
        nums = np.where(ev >= 0, number[np.maximum(ev, 0)], 0) if n else np.zeros(len(ev))
        truth += [
            (rule, int(e), int(c) + cust_base + 1, d)
            for e, c, d in zip(nums, cust, details, strict=True)
        ]
    spend, orders = _spend(st)
    return Chunk(
        st.cal,
        out,
        truth,
        _customer_rows(st, cust_base),
        spend,
        orders,
        st.cust.kind == VIP,
        cust_base + 1,
    )


def _spend(st: State) -> tuple[np.ndarray, np.ndarray]:
    cols = st.events.columns()
    amount = np.maximum(cols["amount"], 0)
    buy, back = cols["ev"] == EV["purchase"], cols["ev"] == EV["refund"]
    spend = np.bincount(cols["cust"][buy], amount[buy], st.cust.n) - np.bincount(
        cols["cust"][back], amount[back], st.cust.n
    )
    return spend, np.bincount(cols["cust"][buy], minlength=st.cust.n)


def _customer_rows(st: State, base: int) -> list[tuple[int, int, int, int, str]]:
    c = st.cust
    segment = design_segments(c, st.cal.end)
    tier = (c.kind != PROSPECT) & (st.rng.random(c.n) < 0.08)
    rows = np.flatnonzero((c.bmonth > 0) | tier)
    return [
        (
            int(i) + base + 1,
            int(c.byear[i]),
            int(c.bmonth[i]),
            int(c.bday[i]),
            str(segment[i]) if tier[i] else "",
        )
        for i in rows
    ]


def check_segments(chunks: list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]) -> None:
    """Confirm that the VIPs by the playbook's rule (top 20 % by spend or 5+ orders, with
    orders averaging 50 or more) are exactly the customers designed as VIPs; the truth
    relies on it."""
    spend = np.concatenate([s for _, s, _, _ in chunks])
    orders = np.concatenate([o for _, _, o, _ in chunks])
    designed = np.concatenate([v for _, _, _, v in chunks])
    buyers = np.flatnonzero(orders >= 1)
    k = math.ceil(round(0.2 * len(buyers), 9))
    ranked = buyers[np.lexsort((buyers, -spend[buyers]))]
    vip = orders >= 5
    vip[ranked[:k]] = True
    vip &= spend >= orders * 50
    if not np.array_equal(vip, designed):
        raise AssertionError("demo: designed VIPs differ from the playbook's VIP segment")
