"""Per rule, its findings (``--show`` of them, by default `HTML_SHOW`, in the report's order:
violations first) with what the rule checks, why, how to fix a finding and its handbook entry."""

from __future__ import annotations

from typing import Any

from checker.report.grouping import rule_groups
from checker.report.model import AuditReport

SHOWN = (
    "status",
    "baseline_state",
    "ts",
    "file",
    "line",
    "customer_id",
    "agent_id",
    "channel",
    "message",
    "evidence",
)


def drilldown(report: AuditReport, summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per rule with findings, in the report's order of rules."""
    out = []
    for group in rule_groups(report, report.show):
        rule_id = group.rule
        doc = report.rule_docs.get(rule_id)
        listed = group.first(report.shown(group.total)).select(list(SHOWN)).to_pylist()
        out.append(
            {
                "id": rule_id,
                **summary.get(rule_id, {}),
                "checks": doc.description if doc else "",
                "why": doc.why if doc else "",
                "fix": doc.fix if doc else "",
                "help_uri": doc.help_uri if doc else None,
                "findings": [{**f, "where": _where(f)} for f in listed],
                "hidden": group.total - len(listed),
            }
        )
    return out


def _where(finding: dict[str, Any]) -> str | None:
    """``file:line`` of the finding's row (None for a finding about a period)."""
    if not finding["file"]:
        return None
    return f"{finding['file']}:{finding['line']}" if finding["line"] else finding["file"]
