"""The compact per-agent table of the text report (after the summary): each agent's totals
over every rule, its share of the shop's findings, and the seed-004 KPIs."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len

from checker.report.lines import NONE, one_line
from checker.scorecards.model import Scorecard, Scorecards

LABELS = {
    "zh": {
        "title": "客服记分卡",
        "columns": "客服|机会|违规|待定|合规率|发现占比|咨询|转化率|订单|客单均值|客单中位"
        "|投诉|按时解决",
    },
    "en": {
        "title": "Agent scorecards",
        "columns": "agent|opportunities|violations|pending|compliance|share|inquiries|conversion"
        "|orders|order mean|order median|complaints|resolved in time",
    },
}


def pct(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.1f}%"


def money(value: float | None) -> str:
    return NONE if value is None else f"{value:,.2f}"


def row(card: Scorecard) -> list[str]:
    t, k = card.total, card.kpis
    cells = [one_line(card.who), str(t.opportunities), str(t.violations), str(t.pending)]
    cells += [pct(t.compliance), pct(t.share)]
    if k is None:
        return cells + [NONE] * 7
    return [
        *cells,
        str(k.inquiries),
        pct(k.conversion),
        str(k.orders),
        money(k.order_mean),
        money(k.order_median),
        str(k.complaints),
        pct(k.resolved_share),
    ]


def agent_table(scorecards: Scorecards | None, lang: str) -> Iterable[str]:
    """The table's lines (none when the report has no scorecards)."""
    if scorecards is None or not scorecards.agents:
        return []
    words = LABELS.get(lang, LABELS["en"])
    heads = words["columns"].split("|")
    rows = [row(card) for card in scorecards.agents]
    widths = [max(cell_len(c) for c in col) for col in zip(heads, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        padded = [
            c + " " * (w - cell_len(c)) if i == 0 else " " * (w - cell_len(c)) + c
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return ("  " + "  ".join(padded)).rstrip()

    return [words["title"], line(heads), *(line(r) for r in rows)]
