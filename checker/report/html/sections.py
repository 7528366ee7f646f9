"""Chart specifications of the report's optional sections (the contract's shapes): the
weekly trend (``trends``), the trend across audits (``history``) and churn (``churn``)."""

from __future__ import annotations

from typing import Any

from checker.report.html import charts


def weekly_chart(trends: dict[str, Any], titles: dict[str, str], axis: str) -> dict[str, Any]:
    """One line per principle, a point per week (weeks without an opportunity leave a gap)."""
    rows = [
        {"week": point["week"], "principle": titles.get(pid, pid), **_value(point)}
        for pid, points in (trends.get("principles") or {}).items()
        for point in points
    ]
    return charts.compliance_lines(rows, "week", "principle", axis, dates=True)


def history_chart(
    history: list[dict[str, Any]], titles: dict[str, str], words: dict[str, str]
) -> dict[str, Any]:
    """The whole shop's compliance and each principle's, one point per audit (by its as-of),
    oldest first."""
    rows = []
    for audit in history:
        when = audit["as_of"]
        rows.append({"audit": when, "series": words["overall"], **_value(audit)})
        for pid, score in (audit.get("principles") or {}).items():
            rows.append({"audit": when, "series": titles.get(pid, pid), **_value(score)})
    return charts.compliance_lines(rows, "audit", "series", words["compliance"], dates=False)


def churn_charts(churn: dict[str, Any], words: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Lapsed customers by reason, by segment and by month (each when it has rows)."""
    axis = words["customers"]
    out: dict[str, dict[str, Any]] = {}
    reasons = [
        {"label": r.get("title") or r["id"], "customers": r["customers"]}
        for r in churn.get("reasons") or []
    ]
    if reasons:
        out["churn_reasons"] = charts.count_bars(reasons, "label", "customers", axis)
    segments = [
        {"label": s.get("title") or s.get("segment") or "—", "customers": s["customers"]}
        for s in churn.get("by_segment") or []
    ]
    if segments:
        out["churn_segments"] = charts.count_bars(segments, "label", "customers", axis)
    months = churn.get("by_month") or []
    if months:
        out["churn_months"] = charts.month_bars(
            [{"month": m["month"], "customers": m["customers"]} for m in months], axis
        )
    return out


def _value(score: dict[str, Any]) -> dict[str, Any]:
    """A point's compliance (None when it had no opportunity: a gap in the line)."""
    return {"compliance": score.get("compliance")}
