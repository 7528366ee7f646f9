from __future__ import annotations

import dataclasses
import re

from checker.report import github
from checker.report.model import Finding

COMMAND = re.compile(r"^::(error|warning|notice)( [^:]*)?::(.*)$")


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_one_annotation_per_violation_and_nothing_else(report):
    lines = github.render(report).splitlines()
    assert len(lines) == len(report.violations())
    assert all(COMMAND.match(line) for line in lines)
    assert not any("2025-03-30 20:15" in line for line in lines)  # pending: not annotated


def test_levels_follow_severity(report):
    levels = [COMMAND.match(line).group(1) for line in github.render(report).splitlines()]
    expected = {"error": "error", "warning": "warning", "info": "notice"}
    assert levels == [expected[f.severity] for f in report.violations()]


def test_file_line_and_title_properties(report):
    first = github.render(report).splitlines()[0]
    props = "file=logs/2025-03%2C门店.csv,line=14,title=cadence.greeting"
    assert first.startswith(f"::warning {props}::")
    assert first.endswith(
        "::购买后 2 天内没有问候。 — 购买 2025-03-03 10:00，首次问候 "
        "2025-03-06 11:00：晚了 3 天 1 小时；上限 2 天 [kf01@store]"
    )


def test_customer_level_findings_have_no_location(report):
    line = next(x for x in github.render(report).splitlines() if "VIP" in x)
    assert line.startswith("::warning title=cadence.vip-callback::VIP")


def test_escaping_follows_the_workflow_command_rules():
    assert github.escape_data("50%\r\n: ,") == "50%25%0D%0A: ,"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert github.escape_data("%0A") == "%250A"  # `%` first, so nothing is decoded twice


def test_hostile_text_stays_on_one_line_and_round_trips(report):
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
        "dir:x/a,b.csv",
        7,
        "50% off\r\n::error::fake",
        "x",
    )
    out = github.render(dataclasses.replace(report, findings=[bad]))
    assert out.count("\n") == 1 and out.endswith("\n")
    match = COMMAND.match(out.rstrip("\n"))
    assert match.group(2) == " file=dir%3Ax/a%2Cb.csv,line=7,title=respect.no-blame"
    assert unescape(match.group(3)) == "50% off\r\n::error::fake — x [unassigned@unassigned]"


def test_hostile_ids_and_text_stay_one_command_with_their_properties(report):
    """A rule id, file name and message built to forge commands or properties."""
    first = report.violations()[0]
    bad = dataclasses.replace(
        first,
        rule="r,line=1::error::x%0A",
        file="a:b,c%\r\n::warning::y.csv",
        line=3,
        message="100%\r\n::error file=x,line=1::forged",
        evidence="50%25 :, \n",
    )
    out = github.render(dataclasses.replace(report, findings=[bad]))
    assert out.count("\n") == 1 and "\r" not in out
    m = COMMAND.match(out.rstrip("\n"))
    assert m is not None and m.group(1) == "warning"
    props = dict(p.split("=", 1) for p in m.group(2).strip().split(","))
    assert set(props) == {"file", "line", "title"}
    assert unescape(props["file"]) == bad.file and props["line"] == "3"
    assert unescape(props["title"]) == bad.rule
    assert unescape(m.group(3)) == f"{bad.message} — {bad.evidence} [{bad.agent_id}@{bad.channel}]"
