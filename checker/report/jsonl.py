"""Findings as JSON Lines, for DuckDB, jq or a data pipeline: one finding per line, nothing else.

Each line is an object with exactly the fields of a finding in the JSON report, written as
that report writes them (sorted keys), in the report's order. The audit in brief (playbook,
as-of time, row counts, summary per rule) is not a line of the file, which would give it a
second kind of record; it goes to stderr as one JSON line (`stderr_line`), so
``read_json('findings.jsonl')`` and ``jq 'select(...)'`` see only findings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from checker.report.finding_json import in_parallel
from checker.report.head import brief
from checker.report.lines import Chunk, utf8
from checker.report.model import BATCH, AuditReport

ENCODING = "utf-8"


def chunks(report: AuditReport, batch: int = BATCH) -> Iterator[Chunk]:
    """The findings, ``batch`` lines at a time as UTF-8 bytes (views of Arrow's memory),
    each line ending in a newline. No finding: an empty file."""
    for text in in_parallel(report.findings.batches(batch), "\n"):
        yield utf8(text)[1:]  # each line carries the newline before it: move one to the end
        yield b"\n"


def render(report: AuditReport) -> str:
    return "".join(p if isinstance(p, str) else str(p, ENCODING) for p in chunks(report))


def stderr_line(report: AuditReport) -> str:
    """The audit in brief (`checker.report.head.brief`), one line of JSON."""
    return json.dumps(brief(report), ensure_ascii=False, sort_keys=True) + "\n"
