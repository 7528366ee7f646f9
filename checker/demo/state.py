"""What the demo generator's steps share while building one chunk of customers."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from checker.demo.buffer import Events, Truth
from checker.demo.customers import Customers
from checker.demo.timeline import DAY, Calendar


@dataclass
class State:
    rng: np.random.Generator
    cal: Calendar
    cust: Customers
    rate: float  # share of opportunities that get a planted lapse
    events: Events
    truth: Truth = field(default_factory=Truth)
    hole_start: np.ndarray | None = None  # keep-in-touch gap planted per customer (-1: none)
    hole_end: np.ndarray | None = None
    hard_push: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)  # (A, E)

    def lapse(self, n: int, eligible: np.ndarray | bool = True, share: float = 1.0) -> np.ndarray:
        """Which of n opportunities get a planted lapse: a random share of the eligible ones,
        and at least one when any is eligible (so that even a small log shows every rule);
        none at all when the rate is 0 (a fully compliant log)."""
        eligible = np.broadcast_to(np.asarray(eligible, dtype=bool), (n,))
        chosen = (self.rng.random(n) < self.rate * share) & eligible
        if self.rate > 0 and not chosen.any() and eligible.any():
            chosen[self.rng.choice(np.flatnonzero(eligible))] = True
        return chosen

    def settled(self, deadline: np.ndarray) -> np.ndarray:
        """Deadlines safely before the end of the log (a lapse there is a violation)."""
        return deadline < self.cal.end - DAY
