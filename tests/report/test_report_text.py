from __future__ import annotations

import dataclasses
import re

from checker.report import text
from checker.report.model import Finding


def lines_of(report, **options):
    return text.render(report, **options).splitlines()


def test_header_lists_first_twenty_rejects_then_the_rest_as_a_count(report):
    lines = lines_of(report)
    start = lines.index("输入：读取 523 行，检查 500 行，拒收 23 行") + 1
    block = lines[start : lines.index("", start)]
    expected = [f"  {r.file}:{r.line}: {r.reason}" for r in report.input.rejects[:20]]
    assert block == [*expected, "  ... 还有 3 条"]


def test_no_more_line_when_rejects_fit(report):
    few = dataclasses.replace(
        report.input, rejects=report.input.rejects[:2], rows_rejected=2, rows_read=502
    )
    out = text.render(dataclasses.replace(report, input=few))
    assert "还有" not in out


def test_summary_groups_rules_under_principle_titles(report):
    lines = lines_of(report)

    def at(title: str) -> int:
        return next(i for i, line in enumerate(lines) if line.startswith(title))

    respect, close = at("尊重客户 (respect)"), at("漂亮收尾 (graceful-close)")
    assert respect < close
    assert lines[respect + 1].split()[:2] == ["error", "service.complaint-ack"]
    # The principle's totals over its rules: opportunities, violations, pending, compliance.
    assert lines[respect].split()[-4:] == ["46", "2", "1", "95.7%"]
    assert not any("替客户着想 (considerate)" in line for line in lines)  # no rule of it here


def test_compliance_is_a_percentage_or_a_dash(report):
    rows = {
        line.split()[1]: line
        for line in lines_of(report)
        if line.startswith("  ") and len(line.split()) > 6 and "." in line.split()[1]
    }
    assert rows["respect.no-blame"].endswith("95.0%")
    assert rows["concede.no-hard-push"].endswith("100.0%")
    assert rows["cadence.birthday-greeting"].endswith("—")


def test_violations_come_before_pending_within_a_rule(report):
    shuffled = dataclasses.replace(report, findings=list(reversed(report.findings)))
    for out in (text.render(report), text.render(shuffled)):
        section = out[out.index("[warning] cadence.greeting") : out.index("[warning] cadence.vip")]
        assert section.index("违规 1") < section.index("2025-03-03 10:00:00")
        assert section.index("2025-03-03 10:00:00") < section.index("待定 2")
        assert section.index("待定 2") < section.index("2025-03-30 20:15:00")


def test_customer_level_finding_has_no_location(report):
    lines = lines_of(report)
    line = next(x for x in lines if "VIP 客户 31 天内没有回访" in x)
    assert line.strip().startswith("—  —  c-77aa88bb")
    evidence = lines[lines.index(line) + 1]
    assert evidence.startswith("        上次回访")


def test_english_headings(report):
    out = text.render(dataclasses.replace(report, lang="en"))
    assert "Summary" in out and "Findings" in out and "... 3 more" in out
    assert "汇总" not in out


def test_colour_only_on_request(report):
    plain = text.render(report)
    coloured = text.render(report, color=True)
    assert "\x1b" not in plain
    assert "\x1b[31m[error]\x1b[0m respect.no-blame" in coloured  # errors in red
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_hostile_text_cannot_break_lines_or_send_escapes(report):
    bad = Finding(
        "respect.no-blame",
        "respect",
        "error",
        "violation",
        "c-1",
        "e-9",
        "0123456789abcdef",
        None,
        "2025-03-01 10:00:00",
        "a.csv",
        2,
        "line1\nline2",
        "\x1b[2Jgone\u202e",
    )
    out = text.render(dataclasses.replace(report, findings=[bad]))
    assert "\x1b" not in out and "\u202e" not in out
    assert "a.csv:2  2025-03-01 10:00:00  c-1  unassigned@unassigned  line1 line2" in out


def test_empty_report_says_so(report):
    out = text.render(dataclasses.replace(report, findings=[], rules=[]))
    assert out.rstrip().endswith("没有发现。")
