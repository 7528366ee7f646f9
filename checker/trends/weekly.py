"""The engine's weekly counts (rule, status, week, n) -> compliance per principle and per
rule by week, every week between the first and the last (gaps filled with zeros).

The week is that of the outcome's own event (the purchase that asked for a greeting, the
message sent in quiet hours), or for a finding about a period (a missed birthday, a silence,
an agent's quota) the period's start: see `checker.engine.weeks`."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pyarrow as pa

from checker.outcome_counts import count_into
from checker.playbook.model import Playbook
from checker.trends.model import Counted, Trends, total

WEEK = timedelta(days=7)


def week_range(first: date, last: date) -> list[date]:
    """Every Monday from ``first``'s week to ``last``'s."""
    monday = first - timedelta(days=first.weekday())
    out = []
    while monday <= last:
        out.append(monday)
        monday += WEEK
    return out


def build_trends(weekly: pa.Table, pb: Playbook) -> Trends:
    """The trends of the playbook's rules (each rule and each principle with rules, in the
    playbook's order) from ``weekly``."""
    cells: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for row in weekly.to_pylist():
        count_into(cells[row["rule"]][row["week"]], row)
    seen = [w for rule in cells.values() for w in rule]
    weeks = week_range(min(seen), max(seen)) if seen else []
    rules = {
        r.id: [Counted(*cells[r.id][w]) if w in cells[r.id] else Counted() for w in weeks]
        for r in pb.rules
    }
    principles: dict[str, list[Counted]] = {}
    for pid in dict.fromkeys([*pb.principles, *(r.principle for r in pb.rules)]):
        members = [rules[r.id] for r in pb.rules if r.principle == pid]
        if members:
            principles[pid] = [total([m[i] for m in members]) for i in range(len(weeks))]
    return Trends([w.isoformat() for w in weeks], principles, rules)
