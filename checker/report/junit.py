"""JUnit XML for CI: one <testsuite> per principle, one <testcase> per rule.

A rule with violations fails (failure type = its severity) and the failure text lists the
violations; pending findings never fail a rule and are listed in <system-out>.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.report.model import AuditReport, Finding, RuleSummary
from checker.report.text import (
    finding_lines,
    findings_by_rule,
    one_line,
    rules_by_principle,
)

ENCODING = "utf-8"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _listing(findings: list[Finding]) -> str:
    return "\n".join(line for f in findings for line in finding_lines(f))


def _testcase(suite: ET.Element, rule: RuleSummary, findings: list[Finding]) -> None:
    case = ET.SubElement(
        suite, "testcase", classname=f"huitou.{one_line(rule.principle)}", name=one_line(rule.rule)
    )
    violations = [f for f in findings if f.status == "violation"]
    pending = [f for f in findings if f.status == "pending"]
    if rule.violations:
        summary = f"{rule.violations} violation(s) of {one_line(rule.rule)}: {one_line(rule.title)}"
        failure = ET.SubElement(case, "failure", type=rule.severity, message=summary)
        failure.text = _listing(violations)
    if rule.pending:
        out = ET.SubElement(case, "system-out")
        note = f"{rule.pending} pending (due after the as-of time); not a failure"
        out.text = "\n".join([note, _listing(pending)]).rstrip("\n")


def render(report: AuditReport) -> str:
    grouped = findings_by_rule(report)
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
            _testcase(suite, rule, grouped.get(rule.rule, []))
    ET.indent(root)
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"
