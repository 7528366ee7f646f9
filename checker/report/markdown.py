"""GitHub-flavoured Markdown: the summary table and the top findings of each rule, for a CI
job summary (``$GITHUB_STEP_SUMMARY``), a chat or a wiki. Short at any size: at most
``report.show`` findings per rule, then how many more."""

from __future__ import annotations

import html
from collections.abc import Iterator

from checker.report.grouping import percent, rule_groups, rules_by_principle
from checker.report.lines import NONE
from checker.report.model import AuditReport, RuleSummary

ENCODING = "utf-8"
WORDS = {
    "zh": {
        "title": "回头客服务审计",
        "head": "剧本 {}，截至 {}；读取 {} 行，检查 {} 行，拒收 {} 行",
        "columns": "规则|标题|严重度|机会|违规|待定|合规率",
        "baseline": "|新增|已知|已修复",
        "against": "对照基线 `{}`：**新增 {}**，已知 {}，已修复 {}",
        "top": "主要发现",
        "finding": "状态|位置|客户|说明",
        "more": "还有 {} 条未列出（`--show all` 或 `--format csv` 查看全部）",
        "none": "没有发现。",
    },
    "en": {
        "title": "Huitou service audit",
        "head": "Playbook {}, as of {}; {} rows read, {} checked, {} rejected",
        "columns": "rule|title|severity|opportunities|violations|pending|compliance",
        "baseline": "|new|known|fixed",
        "against": "Against the baseline `{}`: **{} new**, {} known, {} fixed",
        "top": "Top findings",
        "finding": "status|where|customer|what",
        "more": "{} more not listed (`--show all` or `--format csv` for all)",
        "none": "No findings.",
    },
}


def cell(value: object) -> str:
    """Text safe in a table cell: HTML escaped, pipes escaped, one line."""
    text = "" if value is None else str(value)
    text = html.escape(" ".join(text.split()), quote=False)
    return text.replace("|", "\\|").replace("`", "&#96;") or NONE


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _counts(rules: list[RuleSummary], report: AuditReport) -> list[str]:
    keys = ("opportunities", "violations", "pending")
    total = RuleSummary("", "", "", "", *(sum(getattr(r, k) for r in rules) for k in keys))
    cells = [str(getattr(total, k)) for k in keys] + [percent(total)]
    if report.baseline is not None:
        deltas = [report.baseline.per_rule.get(r.rule) for r in rules]
        cells += [str(sum(getattr(d, k) for d in deltas if d)) for k in ("new", "known", "fixed")]
    return cells


def _summary(report: AuditReport, words: dict[str, str]) -> Iterator[str]:
    heads = (words["columns"] + (words["baseline"] if report.baseline else "")).split("|")
    yield _row(heads)
    yield "|" + "---|" * 3 + "---:|" * (len(heads) - 3)
    for principle, rules in rules_by_principle(report):
        name = cell(report.principles.get(principle, principle))
        yield _row([f"**{name}**", "", "", *[f"**{c}**" for c in _counts(rules, report)]])
        for r in rules:
            yield _row([f"`{cell(r.rule)}`", cell(r.title), r.severity, *_counts([r], report)])
    b = report.baseline
    if b is not None:
        yield ""
        yield words["against"].format(cell(b.file), b.new, b.known, len(b.fixed))


def _top(report: AuditReport, words: dict[str, str]) -> Iterator[str]:
    yield f"### {words['top']}"
    if not report.findings:
        yield words["none"]
        return
    for group in rule_groups(report, report.show):
        shown = report.shown(group.total)
        yield ""
        yield f"**`{cell(group.rule)}`** ({group.total})"
        yield ""
        yield _row(words["finding"].split("|"))
        yield "|---|---|---|---|"
        for f in group.first(shown).to_pylist():
            where = f"{f['file']}:{f['line']}" if f["file"] else f["ts"]
            state = f["status"] + (f" ({f['baseline_state']})" if f["baseline_state"] else "")
            what = f"{f['message']} — {f['evidence']}"
            yield _row([cell(state), cell(where), cell(f["customer_id"]), cell(what)])
        if group.total > shown:
            yield ""
            yield words["more"].format(group.total - shown)


def render(report: AuditReport) -> str:
    words = WORDS.get(report.lang, WORDS["en"])
    source = report.input
    head = words["head"].format(
        f"`{cell(report.playbook)}`",
        report.as_of,
        source.rows_read,
        source.rows_checked,
        source.rows_rejected,
    )
    lines = [f"## {words['title']}", "", head, "", *_summary(report, words), ""]
    lines += [*_top(report, words), ""]
    return "\n".join(lines)
