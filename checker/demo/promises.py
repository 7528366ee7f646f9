"""Promises with a due time, and the `promise_kept` events that answer them by reference."""

from __future__ import annotations

import numpy as np

from checker.demo.catalog import EV
from checker.demo.state import State
from checker.demo.texts import pick
from checker.demo.timeline import DAY, HOUR, daytime


def promise_chain(
    st: State,
    cust: np.ndarray,
    ts: np.ndarray,
    ch: np.ndarray,
    agent: np.ndarray,
    prod: np.ndarray,
    due_days: np.ndarray,
    order: np.ndarray | int = -1,
) -> None:
    """A promise at `ts` due `due_days` later at 18:00, kept one or more days before that.
    Lapses: a promise logged without a due time, or kept late or never."""
    rng, n = st.rng, len(ts)
    day = ts // DAY
    due = (day + due_days) * DAY + 18 * HOUR
    no_due = st.lapse(n, st.settled(ts))
    late_or_never = st.lapse(n, ~no_due & st.settled(due + 2 * DAY))
    pid = st.events.add(
        cust,
        ts,
        EV["promise"],
        ch=ch,
        agent=agent,
        prod=prod,
        order=order,
        due=np.where(no_due, -1, due),
        text=pick(rng, "promise", n),
    )
    kept_day = day + 1 + (rng.random(n) * (due_days - 1)).astype(np.int64)
    late = late_or_never & (rng.random(n) < 0.5)
    kept_day = np.where(late, day + due_days + rng.integers(1, 3, n), kept_day)
    keep = (~late_or_never | late) & (pid >= 0)
    st.events.add(
        cust[keep],
        (kept_day * DAY + daytime(rng, n))[keep],
        EV["promise_kept"],
        ch=ch[keep],
        agent=agent[keep],
        prod=prod[keep],
        ref=pid[keep],
        order=np.broadcast_to(order, (n,))[keep],
        text=pick(rng, "promise_kept", n)[keep],
    )
    st.truth.add("integrity.promise-has-due", pid[no_due], cust[no_due])
    st.truth.add("integrity.promise-kept", pid[late_or_never], cust[late_or_never])
