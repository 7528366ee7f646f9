"""The machine-readable report (schema: schema/report.schema.json): sorted keys, stable bytes."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from checker.report.model import AuditReport

ENCODING = "utf-8"


def as_document(report: AuditReport) -> dict[str, Any]:
    """The report as the plain dict the JSON format and its schema describe."""
    source = report.input
    return {
        "playbook": report.playbook,
        "as_of": report.as_of,
        "lang": report.lang,
        "input": {
            "rows_read": source.rows_read,
            "rows_checked": source.rows_checked,
            "rows_rejected": source.rows_rejected,
            "rejects": [asdict(r) for r in source.rejects],
        },
        "summary": {
            r.rule: {
                "principle": r.principle,
                "severity": r.severity,
                "title": r.title,
                "opportunities": r.opportunities,
                "violations": r.violations,
                "pending": r.pending,
                "compliance": r.compliance,
            }
            for r in report.rules
        },
        "findings": [asdict(f) for f in report.findings],
    }


def render(report: AuditReport) -> str:
    document = as_document(report)
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
