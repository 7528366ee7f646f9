"""The report as a JSON document, but for its findings: what the JSON report writes and the
HTML report draws, from one function, so the two cannot disagree."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from checker.report.model import AuditReport


def head(report: AuditReport) -> dict[str, Any]:
    """Everything but the findings."""
    return {
        **audited(report),
        "input": {**input_counts(report), "rejects": [asdict(r) for r in report.input.rejects]},
        "summary": rule_summary(report),
        **({"scorecards": report.scorecards.as_dict()} if report.scorecards else {}),
        **optional_sections(report),
        **({"baseline": baseline_section(report)} if report.baseline is not None else {}),
    }


def audited(report: AuditReport) -> dict[str, str]:
    """Which playbook, as of when, in which language."""
    return {"playbook": report.playbook, "as_of": report.as_of, "lang": report.lang}


def input_counts(report: AuditReport) -> dict[str, int]:
    """The input's rows read, checked and rejected (read = checked + rejected)."""
    source = report.input
    return {
        "rows_read": source.rows_read,
        "rows_checked": source.rows_checked,
        "rows_rejected": source.rows_rejected,
    }


def rule_summary(report: AuditReport) -> dict[str, dict[str, Any]]:
    """Per rule id: its principle, severity, title, opportunities, violations, pending and
    compliance (the JSON report's ``summary``; the JSON Lines and Parquet briefs carry it too)."""
    return {
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


# Sections other parts of the audit add to the model (see the README's report sections):
# each is written when the model has it and it was computed, as its ``as_dict()`` when it
# has one (a dataclass of the section), else as it is (already JSON-ready, e.g. history).
OPTIONAL = ("trends", "history", "churn")


def optional_sections(report: AuditReport) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in OPTIONAL:
        value = getattr(report, name, None)
        if value is not None:
            out[name] = value.as_dict() if hasattr(value, "as_dict") else value
    return out
