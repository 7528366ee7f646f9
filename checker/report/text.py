"""The report for people: header, summary by principle and rule, then findings with evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyarrow.compute as pc
from rich.cells import cell_len

from checker.report.groups import rule_groups, rules_by_principle
from checker.report.lines import NONE, Chunk, finding_blocks, joined, one_line
from checker.report.model import AuditReport, RuleSummary

ENCODING = "utf-8"
MAX_REJECTS = 20

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


def _findings(report: AuditReport, words: dict[str, str], color: bool) -> Iterator[Chunk]:
    """The findings section: per rule its violations, then its pending findings."""
    yield _paint(words["findings"], "bold", color) + "\n"
    if not report.findings:
        yield "  " + words["none"] + "\n"
        return
    titles = {r.rule: r.title for r in report.rules}
    for rule_id, mine in rule_groups(report):
        severity = mine["severity"][0].as_py()
        head = _paint(f"[{severity}]", severity, color)
        yield (head + f" {rule_id}  {one_line(titles.get(rule_id, ''))}").rstrip() + "\n"
        for status, style in (("violation", ""), ("pending", "dim")):
            group = mine.filter(pc.equal(mine["status"], status))
            if group.num_rows:
                yield "  " + _paint(words[status].format(group.num_rows), style, color) + "\n"
                yield joined(finding_blocks(group, indent="    "))


def chunks(report: AuditReport, *, color: bool = False) -> Iterator[Chunk]:
    """The report in pieces (text, or UTF-8 bytes for the findings): streamed, never one
    string, and every line built column-wise (a report may hold millions of findings)."""
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
    lines += ["", *_summary(report, words, color), ""]
    yield "\n".join(lines) + "\n"
    yield from _findings(report, words, color)


def render(report: AuditReport, *, color: bool = False) -> str:
    """Plain deterministic text; ANSI colours only when ``color`` is true."""
    pieces = chunks(report, color=color)
    return "".join(p if isinstance(p, str) else str(p, ENCODING) for p in pieces)
