"""The report for people: header, summary by principle and rule, then findings with evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.cells import cell_len

from checker.report.churn_text import churn_section
from checker.report.grouping import percent, rule_groups, rules_by_principle
from checker.report.lines import Chunk, finding_blocks, joined, one_line
from checker.report.model import AuditReport, RuleSummary
from checker.report.scorecard_text import agent_table
from checker.report.trend_text import trend_table
from checker.terminal import paint

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
        "baseline": "|新增|已知|已修复",
        "against": "对照基线 {}：新增 {}，已知 {}，已修复 {}",
        "unknown": "基线里有 {} 条属于剧本已没有的规则：{}",
        "hidden": "    ... 还有 {} 条未显示（--show all 显示全部，或用 --format csv / json）",
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
        "baseline": "|new|known|fixed",
        "against": "Against the baseline {}: {} new, {} known, {} fixed",
        "unknown": "{} baseline entries belong to rules the playbook no longer has: {}",
        "hidden": "    ... {} more not shown (--show all for every one, or --format csv / json)",
    },
}


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - cell_len(text))
    return gap + text if right else text + gap


def _paint(text: str, style: str, color: bool) -> str:
    return paint(text, style) if color else text


def _counts(rules: list[RuleSummary], report: AuditReport) -> list[str]:
    """Opportunities, violations, pending, compliance (and new, known, fixed) of ``rules``."""
    total = RuleSummary("", "", "", "", *(sum(getattr(r, k) for r in rules) for k in COUNTED))
    cells = [str(getattr(total, k)) for k in COUNTED] + [percent(total)]
    if report.baseline is not None:
        deltas = [report.baseline.per_rule.get(r.rule) for r in rules]
        for k in ("new", "known", "fixed"):
            cells.append(str(sum(getattr(d, k) for d in deltas if d is not None)))
    return cells


COUNTED = ("opportunities", "violations", "pending")


def _summary(report: AuditReport, words: dict[str, str], color: bool) -> Iterable[str]:
    heads = (words["columns"] + (words["baseline"] if report.baseline else "")).split("|")
    rows = [[r.severity, r.rule, one_line(r.title), *_counts([r], report)] for r in report.rules]
    groups = rules_by_principle(report)
    totals = {p: ["", "", "", *_counts(members, report)] for p, members in groups}
    widths = [
        max(cell_len(c) for c in col) for col in zip(heads, *rows, *totals.values(), strict=True)
    ]

    def line(cells: list[str], severity: str = "") -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        padded = [_pad(c, w, right=i >= 3) for i, (c, w) in pairs]
        padded[0] = _paint(padded[0], severity, color)
        return ("  " + "  ".join(padded)).rstrip()

    yield _paint(words["summary"], "bold", color)
    yield line(heads)
    by_id = {r.rule: row for r, row in zip(report.rules, rows, strict=True)}
    for principle, members in groups:
        name = one_line(f"{report.principles.get(principle, principle)} ({principle})")
        total = line(totals[principle])
        gap = max(2, _lead(total) - cell_len(name))  # the totals in the rules' columns
        yield name + " " * gap + total.lstrip(" ")
        yield from (line(by_id[r.rule], r.severity) for r in members)
    yield from _against(report, words)


def _lead(text: str) -> int:
    """Spaces before the first character of ``text``."""
    return len(text) - len(text.lstrip(" "))


def _against(report: AuditReport, words: dict[str, str]) -> Iterable[str]:
    """With a baseline: its totals, and entries of rules the playbook no longer has."""
    b = report.baseline
    if b is None:
        return
    yield ""
    yield words["against"].format(one_line(b.file), b.new, b.known, len(b.fixed))
    if b.unknown_rules:
        rules = ", ".join(sorted({one_line(e.rule) for e in b.unknown_rules}))
        yield words["unknown"].format(len(b.unknown_rules), rules)


def _findings(report: AuditReport, words: dict[str, str], color: bool) -> Iterator[Chunk]:
    """The findings section: per rule its violations, then its pending findings."""
    yield _paint(words["findings"], "bold", color) + "\n"
    if not report.findings:
        yield "  " + words["none"] + "\n"
        return
    titles = {r.rule: r.title for r in report.rules}
    for group in rule_groups(report, report.show):
        head = _paint(f"[{group.severity}]", group.severity, color)
        yield (head + f" {group.rule}  {one_line(titles.get(group.rule, ''))}").rstrip() + "\n"
        left = report.shown(group.total)  # examples to show
        for status, style in (("violation", ""), ("pending", "dim")):
            found = group.counts.get(status, 0)
            if found:
                yield "  " + _paint(words[status].format(found), style, color) + "\n"
                if left:
                    examples = group.of_status(status).slice(0, left)
                    yield joined(finding_blocks(examples, indent="    "))
                if found > left:
                    yield words["hidden"].format(found - left) + "\n"
                left = max(0, left - found)


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
    agents = list(agent_table(report.scorecards, report.lang))
    if agents:
        lines += [_paint(agents[0], "bold", color), *agents[1:], ""]
    churn = list(churn_section(report.churn, report.lang))
    if churn:
        lines += [_paint(churn[0], "bold", color), *churn[1:], ""]
    weekly = trend_table(report.trends, report.lang)
    if weekly:
        lines += [_paint(weekly[0], "bold", color), *weekly[1:], ""]
    yield "\n".join(lines) + "\n"
    yield from _findings(report, words, color)


def render(report: AuditReport, *, color: bool = False) -> str:
    """Plain deterministic text; ANSI colours only when ``color`` is true."""
    pieces = chunks(report, color=color)
    return "".join(p if isinstance(p, str) else str(p, ENCODING) for p in pieces)
