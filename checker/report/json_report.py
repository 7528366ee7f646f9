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
        "findings": [vars(f) for f in report.findings],
    }


def render(report: AuditReport) -> str:
    """Indented JSON, except that each finding is one line: readable, diffable with grep, and
    written by the C encoder (an audit can have millions of findings)."""
    document = as_document(report)
    findings = document.pop("findings")
    head = json.dumps({**document, "findings": []}, ensure_ascii=False, indent=2, sort_keys=True)
    if not findings:
        return head + "\n"
    lines = ",\n".join("    " + json.dumps(f, ensure_ascii=False, sort_keys=True) for f in findings)
    before, after = head.split('"findings": []', 1)
    return before + '"findings": [\n' + lines + "\n  ]" + after + "\n"
