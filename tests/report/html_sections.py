"""The report sections other parts of the audit add (trends, history, churn), in the shapes
of their contract, for testing that the HTML report draws them before they are computed."""

from __future__ import annotations

from typing import Any

from checker.report.document import head
from checker.report.model import AuditReport

WEEKS = ["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24"]


def _point(week: str, opportunities: int, violations: int) -> dict[str, Any]:
    rate = None if opportunities == 0 else round(1 - violations / opportunities, 4)
    return {
        "week": week,
        "opportunities": opportunities,
        "violations": violations,
        "pending": 0,
        "compliance": rate,
    }


def _score(opportunities: int, violations: int) -> dict[str, Any]:
    point = _point("", opportunities, violations)
    return {k: point[k] for k in ("opportunities", "violations", "pending", "compliance")}


def with_sections(report: AuditReport) -> dict[str, Any]:
    """``report``'s JSON document with a ``trends``, a ``history`` and a ``churn``."""
    trends = {
        "weeks": WEEKS,
        "principles": {
            "respect": [_point(w, 10, i % 2) for i, w in enumerate(WEEKS)],
            "graceful-close": [_point(w, 0 if i == 2 else 20, i) for i, w in enumerate(WEEKS)],
        },
        "rules": {"cadence.greeting": [_point(w, 20, i) for i, w in enumerate(WEEKS)]},
    }
    history = [
        {
            "recorded_at": f"2025-0{m}-01T02:00:00+00:00",
            "as_of": f"2025-0{m}-01 00:00:00",
            "playbook": "playbooks/seed",
            **_score(100 + m, 10 - m),
            "principles": {"respect": _score(50, 5 - m), "graceful-close": _score(50 + m, 5)},
            "rules": {"cadence.greeting": _score(20, 3)},
            "agents": {"kf01": _score(40, 1)},
        }
        for m in (1, 2, 3)
    ]
    churn = {
        "after": "180d",
        "repeat_customers": 12,
        "lapsed": 2,
        "reasons": [
            {"id": "complaint_unresolved", "title": "投诉未按时解决", "customers": 1},
            {"id": "none", "title": "以上都不是", "customers": 1},
        ],
        "by_segment": [{"segment": "regular", "title": "老客户", "customers": 2}],
        "by_month": [{"month": "2025-01", "customers": 1}, {"month": "2025-02", "customers": 1}],
        "customers": [
            {
                "customer_id": "c-1a2b3c4d",
                "segment": "regular",
                "purchases": 3,
                "last_purchase": "2024-08-01 10:00:00",
                "lapsed_on": "2025-01-28",
                "reasons": ["complaint_unresolved"],
            },
            {
                "customer_id": "<script>alert(1)</script>",
                "segment": None,
                "purchases": 2,
                "last_purchase": "2024-09-01 10:00:00",
                "lapsed_on": "2025-02-28",
                "reasons": ["none"],
            },
        ],
    }
    return {**head(report), "trends": trends, "history": history, "churn": churn}
