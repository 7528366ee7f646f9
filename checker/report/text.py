"""The report for people: header, summary by principle and rule, then findings with evidence."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from rich.cells import cell_len

from checker.report.model import AuditReport, Finding, RuleSummary

ENCODING = "utf-8"
MAX_REJECTS = 20
NONE = "—"

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "回头客服务审计报告",
        "playbook": "剧本：{}",
        "as_of": "截至：{}",
        "input": "输入：读取 {} 行，检查 {} 行，拒收 {} 行",
        "more": "... 还有 {} 条",
        "summary": "汇总",
        "columns": "严重度|规则|标题|机会|违规|待定|合规率",
        "findings": "发现",
        "violation": "违规 {}",
        "pending": "待定 {}（期限在截至时间之后）",
        "none": "没有发现。",
    },
    "en": {
        "title": "Huitou service audit",
        "playbook": "Playbook: {}",
        "as_of": "As of: {}",
        "input": "Input: {} rows read, {} checked, {} rejected",
        "more": "... {} more",
        "summary": "Summary",
        "columns": "severity|rule|title|opportunities|violations|pending|compliance",
        "findings": "Findings",
        "violation": "violations {}",
        "pending": "pending {} (due after the as-of time)",
        "none": "No findings.",
    },
}

_ANSI = {"bold": "1", "dim": "2", "error": "31", "warning": "33", "info": "36"}
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}


def one_line(value: object) -> str:
    """Text safe for one terminal or XML line: no newlines, control or bidi-override chars."""
    out = []
    for ch in str(value):
        if ch in "\t\n\r":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs") or ord(ch) in _BIDI or ch in "\ufffe\uffff":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def location(finding: Finding) -> str:
    if finding.file is None:
        return NONE
    return finding.file if finding.line is None else f"{finding.file}:{finding.line}"


def finding_lines(finding: Finding, indent: str = "") -> list[str]:
    """`file:line  ts  customer  message`, then the evidence indented beneath."""
    head = "  ".join(
        one_line(part)
        for part in (location(finding), finding.ts or NONE, finding.customer_id, finding.message)
    )
    return [indent + head, f"{indent}    {one_line(finding.evidence)}"]


def rules_by_principle(report: AuditReport) -> list[tuple[str, list[RuleSummary]]]:
    """Rules grouped by principle, in the playbook's principle order (unknown ones last)."""
    order = dict.fromkeys([*report.principles, *(r.principle for r in report.rules)])
    groups = [(p, [r for r in report.rules if r.principle == p]) for p in order]
    return [(p, rules) for p, rules in groups if rules]


def findings_by_rule(report: AuditReport) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in report.findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return grouped


def percent(rule: RuleSummary) -> str:
    return NONE if rule.compliance is None else f"{rule.compliance * 100:.1f}%"


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - cell_len(text))
    return gap + text if right else text + gap


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if color and style in _ANSI else text


def _summary(report: AuditReport, words: dict[str, str], color: bool) -> Iterable[str]:
    heads = words["columns"].split("|")
    rows = [
        [
            r.severity,
            r.rule,
            one_line(r.title),
            str(r.opportunities),
            str(r.violations),
            str(r.pending),
            percent(r),
        ]
        for r in report.rules
    ]
    widths = [max(cell_len(c) for c in col) for col in zip(heads, *rows, strict=True)]

    def line(cells: list[str], severity: str = "") -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        padded = [_pad(c, w, right=i >= 3) for i, (c, w) in pairs]
        padded[0] = _paint(padded[0], severity, color)
        return ("  " + "  ".join(padded)).rstrip()

    yield _paint(words["summary"], "bold", color)
    yield line(heads)
    by_id = {r.rule: row for r, row in zip(report.rules, rows, strict=True)}
    for principle, members in rules_by_principle(report):
        yield one_line(f"{report.principles.get(principle, principle)} ({principle})")
        yield from (line(by_id[r.rule], r.severity) for r in members)


def _rule_findings(
    rule_id: str, title: str, mine: list[Finding], words: dict[str, str], color: bool
) -> Iterable[str]:
    severity = mine[0].severity
    yield (_paint(f"[{severity}]", severity, color) + f" {rule_id}  {one_line(title)}").rstrip()
    for status, style in (("violation", ""), ("pending", "dim")):
        group = [f for f in mine if f.status == status]
        if group:
            yield "  " + _paint(words[status].format(len(group)), style, color)
            for finding in group:
                yield from finding_lines(finding, indent="    ")


def _findings(report: AuditReport, words: dict[str, str], color: bool) -> Iterable[str]:
    yield _paint(words["findings"], "bold", color)
    if not report.findings:
        yield "  " + words["none"]
        return
    titles = {r.rule: r.title for r in report.rules}
    grouped = findings_by_rule(report)
    order = [r.rule for _, rules in rules_by_principle(report) for r in rules]
    for rule_id in dict.fromkeys(order + list(grouped)):
        if rule_id in grouped:
            title = titles.get(rule_id, "")
            yield from _rule_findings(rule_id, title, grouped[rule_id], words, color)


def render(report: AuditReport, *, color: bool = False) -> str:
    """Plain deterministic text; ANSI colours only when ``color`` is true."""
    words = LABELS.get(report.lang, LABELS["en"])
    source = report.input
    lines = [
        _paint(words["title"], "bold", color),
        words["playbook"].format(one_line(report.playbook)),
        words["as_of"].format(report.as_of),
        words["input"].format(source.rows_read, source.rows_checked, source.rows_rejected),
    ]
    shown = source.rejects[:MAX_REJECTS]
    lines += [f"  {one_line(r.file)}:{r.line}: {one_line(r.reason)}" for r in shown]
    hidden = max(source.rows_rejected, len(source.rejects)) - len(shown)
    if hidden > 0:
        lines.append("  " + words["more"].format(hidden))
    lines += ["", *_summary(report, words, color), "", *_findings(report, words, color)]
    return "\n".join(lines) + "\n"
