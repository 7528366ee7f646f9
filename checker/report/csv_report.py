"""One row per finding for spreadsheets: CRLF lines, written as UTF-8 with a BOM for Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from checker.report.model import FINDING_SCHEMA, AuditReport

ENCODING = "utf-8-sig"  # the BOM lets Excel detect UTF-8, so Chinese text opens cleanly
HEADER = tuple(FINDING_SCHEMA.names)  # the fields of a finding, in order
# A cell starting with one of these is run as a formula by Excel; a leading ' keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def chunks(report: AuditReport, batch: int = 10_000) -> Iterator[str]:
    """The CSV in pieces of ``batch`` rows, so a large report is never one string."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for i, finding in enumerate(report.findings, 1):
        writer.writerow([cell(getattr(finding, name)) for name in HEADER])
        if i % batch == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def render(report: AuditReport) -> str:
    return "".join(chunks(report))
