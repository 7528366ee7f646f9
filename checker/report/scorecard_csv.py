"""Scorecards as CSV (``huitou check --format csv --by agent|channel``): per agent (or
channel) a row in total, a row per principle and a row per rule; the KPIs on agents' total
rows. UTF-8 with a BOM and CRLF lines, as the findings' CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from checker.report.csv_report import cell
from checker.report.model import AuditReport
from checker.scorecards.model import Score

ENCODING = "utf-8-sig"
SCORE = ("opportunities", "violations", "pending", "compliance", "share")
KPI = (
    "inquiries",
    "converted",
    "conversion",
    "orders",
    "order_value_mean",
    "order_value_median",
    "complaints",
    "resolved_in_time",
    "resolved_share",
)
BY = ("agent", "channel")


def _score(s: Score) -> list[object]:
    d = s.as_dict()
    return [d[k] for k in SCORE]


def chunks(report: AuditReport, by: str) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    kpis = by == "agent"
    writer.writerow([by, "scope", "id", *SCORE, *(KPI if kpis else ())])
    cards = report.scorecards.by(by) if report.scorecards else []
    for card in cards:
        total = card.kpis.as_dict() if card.kpis is not None else {}
        extra = [total.get(k) for k in KPI] if kpis else []
        writer.writerow([cell(v) for v in [card.who, "total", "", *_score(card.total), *extra]])
        blank = [""] * len(extra)
        for scope, scores in (("principle", card.principles), ("rule", card.rules)):
            for key, s in scores.items():
                writer.writerow([cell(v) for v in [card.who, scope, key, *_score(s), *blank]])
    yield buffer.getvalue()
