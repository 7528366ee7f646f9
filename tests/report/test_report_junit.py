from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from checker.report import junit
from checker.report.model import Finding


def parse(report):
    return ET.fromstring(junit.render(report).encode("utf-8"))


def test_one_testcase_per_rule_in_a_suite_per_principle(report):
    root = parse(report)
    assert root.tag == "testsuites"
    cases = root.findall("testsuite/testcase")
    assert sorted(c.get("name") for c in cases) == sorted(r.rule for r in report.rules)
    suites = [s.get("name") for s in root.findall("testsuite")]
    assert suites == [p for p in report.principles if any(r.principle == p for r in report.rules)]
    assert len(cases) == len(report.rules) == int(root.get("tests"))
    for suite in root.findall("testsuite"):
        for case in suite.findall("testcase"):
            assert case.get("classname") == f"huitou.{suite.get('name')}"
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))


def test_failures_carry_the_violations(report):
    cases = {c.get("name"): c for c in parse(report).iter("testcase")}
    rules = {r.rule: r for r in report.rules}
    for name, case in cases.items():
        failure = case.find("failure")
        violations = [f for f in report.findings if f.rule == name and f.status == "violation"]
        assert (failure is not None) == bool(violations)
        if failure is not None:
            assert failure.get("type") == rules[name].severity
            for finding in violations:
                assert finding.message in failure.text and finding.evidence in failure.text
            assert "pending" not in failure.text


def test_pending_only_rule_passes_with_a_note(report):
    cases = parse(report).iter("testcase")
    case = next(c for c in cases if c.get("name") == "service.complaint-ack")
    assert case.find("failure") is None
    note = case.find("system-out").text
    assert note.startswith("1 pending") and "2025-03-31 22:30:00" in note


def test_characters_xml_cannot_hold_do_not_break_it(report):
    bad = Finding(
        "respect.no-blame",
        "respect",
        "error",
        "violation",
        "c-1",
        "e-1",
        "0123456789abcdef",
        None,
        "2025-03-01 10:00:00",
        "a.csv",
        2,
        'a\x00b\x1b<x>&"',
        "]]> \ufffe",
    )
    root = parse(dataclasses.replace(report, findings=[bad]))
    failure = next(root.iter("failure"))
    assert '<x>&"' in failure.text and "]]>" in failure.text


JUNIT_XSD = Path(__file__).parents[1] / "schemas" / "junit.xsd"


@pytest.mark.parametrize("hostile", [False, True])
def test_valid_against_the_common_junit_schema(report, hostile):
    """The structure Jenkins, GitLab and GitHub's reporters read (see tests/schemas), also
    with text XML cannot hold and markup-like rule ids and messages."""
    if hostile:
        first, *others = list(report.findings)
        odd = 'x"><testcase name="y\x01'
        bad = dataclasses.replace(
            first, rule=odd, message="a\x00b\x1b<failure/>&\r\n]]>", evidence="\ufffe\U0001f600"
        )
        rules = [
            dataclasses.replace(r, rule=odd, title="<t>&\x02") if r.rule == first.rule else r
            for r in report.rules
        ]
        report = dataclasses.replace(report, rules=rules, findings=[bad, *others])
    xmlschema.XMLSchema(JUNIT_XSD).validate(junit.render(report))
