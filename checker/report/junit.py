"""JUnit XML for CI: one <testsuite> per principle, one <testcase> per rule.

A rule with violations fails (failure type = its severity) and the failure text lists the
violations; pending findings never fail a rule and are listed in <system-out>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pyarrow as pa
import pyarrow.compute as pc

from checker.report.grouping import rule_groups, rules_by_principle
from checker.report.lines import finding_blocks, joined, one_line
from checker.report.model import AuditReport, RuleSummary

ENCODING = "utf-8"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _listing(findings: pa.Table | None, status: str) -> str:
    """The findings of one status as lines (see `finding_blocks`), no trailing newline."""
    if findings is None:
        return ""
    mine = findings.filter(pc.equal(findings["status"], status))
    return joined(finding_blocks(mine)).decode("utf-8").removesuffix("\n")


def _testcase(suite: ET.Element, rule: RuleSummary, findings: pa.Table | None) -> None:
    case = ET.SubElement(
        suite, "testcase", classname=f"huitou.{one_line(rule.principle)}", name=one_line(rule.rule)
    )
    violations, pending = _listing(findings, "violation"), _listing(findings, "pending")
    if rule.violations:
        summary = f"{rule.violations} violation(s) of {one_line(rule.rule)}: {one_line(rule.title)}"
        failure = ET.SubElement(case, "failure", type=rule.severity, message=summary)
        failure.text = violations
    if rule.pending:
        out = ET.SubElement(case, "system-out")
        note = f"{rule.pending} pending (due after the as-of time); not a failure"
        out.text = "\n".join([note, pending]).rstrip("\n")


def render(report: AuditReport) -> str:
    grouped = {g.rule: g.first(None) for g in rule_groups(report, None)}  # every finding
    failed = sum(1 for r in report.rules if r.violations)
    root = ET.Element(
        "testsuites", name="huitou", tests=str(len(report.rules)), failures=str(failed), errors="0"
    )
    for principle, rules in rules_by_principle(report):
        suite = ET.SubElement(
            root,
            "testsuite",
            name=one_line(principle),
            tests=str(len(rules)),
            failures=str(sum(1 for r in rules if r.violations)),
            errors="0",
            skipped="0",
        )
        for rule in rules:
            _testcase(suite, rule, grouped.get(rule.rule))
    ET.indent(root)
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"
