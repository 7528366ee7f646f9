"""The engine's attributed counts (rule, status, agent_id, channel, n) and its KPI rows ->
scorecards per agent and per channel. Small tables: a row per rule, status and group."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyarrow as pa

from checker.outcome_counts import count_into
from checker.playbook.model import Playbook
from checker.report.model import UNASSIGNED
from checker.scorecards.model import NO_KPIS, Kpis, Score, Scorecard, Scorecards

Counts = dict[str, dict[str, list[int]]]  # who -> rule -> [opportunities, violations, pending]


def _tallied(counts: pa.Table, by: str) -> Counts:
    out: Counts = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for row in counts.to_pylist():
        who = row[by] if row[by] is not None else UNASSIGNED
        count_into(out[who][row["rule"]], row)
    return out


def _score(cell: list[int], shop: list[int]) -> Score:
    found, shop_found = cell[1] + cell[2], shop[1] + shop[2]
    share = round(found / shop_found, 4) if shop_found else None
    return Score(cell[0], cell[1], cell[2], share)


def _sum(cells: list[list[int]]) -> list[int]:
    return [sum(c[i] for c in cells) for i in range(3)]


def _order(names: list[str]) -> list[str]:
    """Ids in order, the unassigned row last."""
    return sorted(names, key=lambda n: (n == UNASSIGNED, n))


def _cards(counts: Counts, pb: Playbook, kpis: dict[str, Kpis] | None) -> list[Scorecard]:
    rules = [r for r in pb.rules]
    principle_of = {r.id: r.principle for r in rules}
    principles = list(dict.fromkeys(r.principle for r in rules))
    shop = {r.id: _sum([counts[w][r.id] for w in counts if r.id in counts[w]]) for r in rules}
    shop_total = _sum(list(shop.values()))
    shop_principle = {p: _sum([shop[r] for r in shop if principle_of[r] == p]) for p in principles}
    names = set(counts) | set(kpis or {})
    cards = []
    for who in _order(list(names)):
        mine = {
            r.id: counts[who][r.id] if r.id in counts.get(who, {}) else [0, 0, 0] for r in rules
        }
        per_principle = {
            p: _score(_sum([mine[r] for r in mine if principle_of[r] == p]), shop_principle[p])
            for p in principles
        }
        cards.append(
            Scorecard(
                who=who,
                total=_score(_sum(list(mine.values())), shop_total),
                principles=per_principle,
                rules={r: _score(cell, shop[r]) for r, cell in mine.items()},
                kpis=None if kpis is None else kpis.get(who, NO_KPIS),
            )
        )
    return cards


def _number(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def agent_kpis(kpi_rows: pa.Table | None, counts: pa.Table, pb: Playbook) -> dict[str, Kpis]:
    """Per agent: the KPI query's rows, and the complaint load read off the attributed
    outcomes of ``kpi.complaint_rule`` (closed ones: pending complaints are not counted)."""
    complaint_rule = (pb.data.get("kpi") or {}).get("complaint_rule")
    load: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    if complaint_rule:
        for who, rules in _tallied(counts, "agent_id").items():
            opportunities, violations, pending = rules.get(complaint_rule, [0, 0, 0])
            load[who] = [opportunities - pending, opportunities - pending - violations]
    rows = {
        (r["agent_id"] if r["agent_id"] is not None else UNASSIGNED): r
        for r in (kpi_rows.to_pylist() if kpi_rows is not None else [])
    }
    out = {}
    for who in set(rows) | {w for w, c in load.items() if c[0]}:
        r = rows.get(who, {})
        complaints, resolved = load.get(who, [0, 0])
        out[who] = Kpis(
            inquiries=int(r.get("inquiries") or 0),
            converted=int(r.get("converted") or 0),
            orders=int(r.get("orders") or 0),
            order_mean=_number(r.get("order_mean")),
            order_median=_number(r.get("order_median")),
            complaints=complaints,
            resolved_in_time=resolved,
        )
    return out


def build_scorecards(counts: pa.Table, kpi_rows: pa.Table | None, pb: Playbook) -> Scorecards:
    """Per agent (with KPIs) and per channel; an ``unassigned`` row where the log names no
    agent (or channel) for some outcome."""
    return Scorecards(
        agents=_cards(_tallied(counts, "agent_id"), pb, agent_kpis(kpi_rows, counts, pb)),
        channels=_cards(_tallied(counts, "channel"), pb, None),
    )
