"""The machine-readable report (schema: schema/report.schema.json): sorted keys, stable bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator

from checker.report import document as doc
from checker.report.finding_json import in_parallel
from checker.report.lines import Chunk, utf8
from checker.report.model import BATCH, AuditReport

ENCODING = "utf-8"
SEPARATOR = ",\n"  # between two findings
INDENT = "    "


def chunks(report: AuditReport, batch: int = BATCH) -> Iterator[Chunk]:
    """Indented JSON, except that each finding is one line: readable, diffable with grep,
    and streamed (an audit can have millions). The findings come ``batch`` at a time as UTF-8
    bytes, each batch's lines built at once by Arrow and written as one piece."""
    findings = report.findings
    document = {**doc.head(report), "findings": []}
    head = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    if not findings:
        yield head + "\n"
        return
    before, after = head.split('"findings": []', 1)
    yield before + '"findings": [\n'
    skip = len(SEPARATOR)  # the first line has no separator before it
    for text in in_parallel(findings.batches(batch), SEPARATOR + INDENT):
        yield utf8(text)[skip:]  # a view of Arrow's memory: written without a copy
        skip = 0
    yield "\n  ]" + after + "\n"


def render(report: AuditReport) -> str:
    return "".join(p if isinstance(p, str) else str(p, ENCODING) for p in chunks(report))
