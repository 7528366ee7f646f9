"""What the page shows, from the JSON report's document (`checker.report.document.head`):
the headline, compliance per principle and rule, the scorecards, and the charts of each
section present. Only the playbook's titles and rule texts come from the model besides."""

from __future__ import annotations

from typing import Any

from checker.report.html import charts
from checker.report.html.sections import churn_charts, history_chart, weekly_chart

COUNTED = ("opportunities", "violations", "pending")


def compliance(opportunities: int, violations: int) -> float | None:
    """As a rule's (`checker.report.model.RuleSummary.compliance`)."""
    return None if opportunities == 0 else round(1 - violations / opportunities, 4)


def totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {k: sum(int(r[k]) for r in rows) for k in COUNTED}
    out["compliance"] = compliance(out["opportunities"], out["violations"])
    return out


def principle_rows(doc: dict[str, Any], titles: dict[str, str]) -> list[dict[str, Any]]:
    """Each principle with rules, in the playbook's order (then any other), with its totals."""
    summary = doc["summary"]
    order = dict.fromkeys([*titles, *(r["principle"] for r in summary.values())])
    rows = []
    for pid in order:
        mine = [r for r in summary.values() if r["principle"] == pid]
        if mine:
            rows.append({"id": pid, "title": titles.get(pid, pid), **totals(mine)})
    return rows


def rule_rows(doc: dict[str, Any], principles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each rule, grouped by principle in the principles' order, with its summary."""
    summary = doc["summary"]
    rank = {p["id"]: i for i, p in enumerate(principles)}
    ids = sorted(summary, key=lambda rid: rank.get(summary[rid]["principle"], len(rank)))
    return [{"id": rid, **summary[rid]} for rid in ids]


def headline(doc: dict[str, Any]) -> dict[str, Any]:
    source = doc["input"]
    out = {
        **totals(list(doc["summary"].values())),
        **{k: source[k] for k in ("rows_read", "rows_checked", "rows_rejected")},
    }
    out["baseline"] = None
    if "baseline" in doc:
        b = doc["baseline"]
        out["baseline"] = {"file": b["file"], "new": b["new"], "known": b["known"]}
        out["baseline"]["fixed"] = len(b["fixed"])
    return out


def cards(doc: dict[str, Any], what: str) -> list[dict[str, Any]]:
    """``agents`` or ``channels`` of the scorecards as table rows (none without them)."""
    section = doc.get("scorecards") or {}
    return [{"who": who, **card} for who, card in (section.get(what) or {}).items()]


def drawn(
    doc: dict[str, Any], principles: list[dict[str, Any]], words: dict[str, str]
) -> dict[str, str]:
    """Every chart of the page, by name, as SVG: only those whose data is present."""
    specs: dict[str, dict[str, Any]] = {}
    axis = words["compliance"]
    applied = [p for p in principles if p["compliance"] is not None]
    if applied:
        specs["principles"] = charts.compliance_bars(applied, "title", axis)
    rules = [
        {"label": f"{r['id']} {r['title']}", "compliance": r["compliance"]}
        for r in rule_rows(doc, principles)
        if r["compliance"] is not None
    ]
    if rules:
        specs["rules"] = charts.compliance_bars(rules, "label", axis)
    agents = [c for c in cards(doc, "agents") if c["compliance"] is not None]
    if agents:
        specs["agents"] = charts.compliance_bars(agents, "who", axis)
    titles = {p["id"]: p["title"] for p in principles}
    if doc.get("trends"):
        specs["weekly"] = weekly_chart(doc["trends"], titles, axis)
    if doc.get("history"):
        specs["history"] = history_chart(doc["history"], titles, words)
    if doc.get("churn"):
        specs.update(churn_charts(doc["churn"], words))
    return {name: charts.svg(spec) for name, spec in specs.items()}
