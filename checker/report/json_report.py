"""The machine-readable report (schema: schema/report.schema.json): sorted keys, stable bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from checker.report.model import AuditReport

ENCODING = "utf-8"


def _head(report: AuditReport) -> dict[str, Any]:
    """Everything but the findings."""
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
    }


def chunks(report: AuditReport) -> Iterator[str]:
    """Indented JSON, except that each finding is one line: readable, diffable with grep,
    written by the C encoder and streamed (an audit can have millions of findings)."""
    findings = report.findings
    document = {**_head(report), "findings": []}
    head = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    if not findings:
        yield head + "\n"
        return
    before, after = head.split('"findings": []', 1)
    yield before + '"findings": [\n'
    last = len(findings) - 1
    for i, finding in enumerate(findings):
        end = "\n" if i == last else ",\n"
        yield "    " + json.dumps(vars(finding), ensure_ascii=False, sort_keys=True) + end
    yield "  ]" + after + "\n"


def render(report: AuditReport) -> str:
    return "".join(chunks(report))
