"""What the summaries of several formats share: rules by principle, compliance as text,
each rule's findings."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from checker.report.lines import NONE
from checker.report.model import AuditReport, RuleSummary


def rules_by_principle(report: AuditReport) -> list[tuple[str, list[RuleSummary]]]:
    """Rules grouped by principle, in the playbook's principle order (unknown ones last)."""
    order = dict.fromkeys([*report.principles, *(r.principle for r in report.rules)])
    groups = [(p, [r for r in report.rules if r.principle == p]) for p in order]
    return [(p, rules) for p, rules in groups if rules]


def percent(rule: RuleSummary) -> str:
    return NONE if rule.compliance is None else f"{rule.compliance * 100:.1f}%"


def rule_groups(report: AuditReport) -> Iterator[tuple[str, pa.Table]]:
    """(rule id, its findings) in report order: rules by principle, then any other rule that
    has findings; each rule's findings in the report's order."""
    table = report.findings.table
    order = [r.rule for _, rules in rules_by_principle(report) for r in rules]
    present = pc.unique(table["rule"]).to_pylist()  # in order of first appearance
    for rule_id in dict.fromkeys(order + present):
        if rule_id in present:
            yield rule_id, table.filter(pc.equal(table["rule"], rule_id))
