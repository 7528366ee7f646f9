"""The audit in brief, for formats that carry it beside the findings: the JSON Lines report
(one line on stderr) and the Parquet report (its key-value metadata). Its ``summary`` is the
JSON report's (`checker.report.document.rule_summary`)."""

from __future__ import annotations

from typing import Any

from checker.report.document import audited, input_counts, rule_summary
from checker.report.model import AuditReport


def brief(report: AuditReport) -> dict[str, Any]:
    """The playbook, the as-of time, the language, the input's row counts (not each rejected
    row: `--format json` lists them) and the summary per rule; with a baseline, its totals."""
    out: dict[str, Any] = {
        **audited(report),
        "input": input_counts(report),
        "summary": rule_summary(report),
    }
    if report.baseline is not None:
        b = report.baseline
        out["baseline"] = {"file": b.file, "new": b.new, "known": b.known, "fixed": len(b.fixed)}
    return out
