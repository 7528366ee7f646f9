"""The machine-readable report (schema: schema/report.schema.json): sorted keys, stable bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from checker.report.finding_json import batches, in_parallel
from checker.report.lines import Chunk, utf8
from checker.report.model import BATCH, AuditReport

ENCODING = "utf-8"
SEPARATOR = ",\n"  # between two findings
INDENT = "    "


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
        **({"scorecards": report.scorecards.as_dict()} if report.scorecards else {}),
        **({"churn": report.churn.as_dict()} if report.churn is not None else {}),
        **({"trends": report.trends.as_dict()} if report.trends is not None else {}),
        **({"history": report.history} if report.history is not None else {}),
        **({"baseline": baseline_section(report)} if report.baseline is not None else {}),
    }


def baseline_section(report: AuditReport) -> dict[str, Any]:
    """New, known and fixed against the baseline, per rule; fixed entries and entries of
    rules the playbook no longer has, listed."""
    b = report.baseline
    assert b is not None
    return {
        "file": b.file,
        "new": b.new,
        "known": b.known,
        "rules": {rule: asdict(d) for rule, d in b.per_rule.items()},
        "fixed": [asdict(e) for e in b.fixed],
        "unknown_rules": [asdict(e) for e in b.unknown_rules],
    }


def chunks(report: AuditReport, batch: int = BATCH) -> Iterator[Chunk]:
    """Indented JSON, except that each finding is one line: readable, diffable with grep,
    and streamed (an audit can have millions). The findings come ``batch`` at a time as UTF-8
    bytes, each batch's lines built at once by Arrow and written as one piece."""
    findings = report.findings
    document = {**_head(report), "findings": []}
    head = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    if not findings:
        yield head + "\n"
        return
    before, after = head.split('"findings": []', 1)
    yield before + '"findings": [\n'
    skip = len(SEPARATOR)  # the first line has no separator before it
    for text in in_parallel(batches(findings.table, batch), SEPARATOR + INDENT):
        yield utf8(text)[skip:]  # a view of Arrow's memory: written without a copy
        skip = 0
    yield "\n  ]" + after + "\n"


def render(report: AuditReport) -> str:
    return "".join(p if isinstance(p, str) else str(p, ENCODING) for p in chunks(report))
