"""What a rule checks, why, with which thresholds, and how to fix it: one text, two readers
(``huitou explain`` and the handbook's rule reference)."""

from __future__ import annotations

import csv
import io

from checker.engine.registry import get_kind
from checker.playbook.model import Playbook, Rule
from checker.playbook.text import fill_params, flat_params, humanize_value

SNIPPET_COLUMNS = (
    "event_id",
    "ts",
    "customer_id",
    "event",
    "channel",
    "agent_id",
    "product",
    "amount",
    "text",
    "ref",
    "due",
)
_L = {
    "zh": {
        "principle": "原则",
        "severity": "级别",
        "kind": "类型",
        "checks": "检查内容",
        "thresholds": "当前阈值",
        "message": "提示信息",
        "fix": "如何改正",
        "why": "为什么归在这条原则下",
        "bad": "违规示例",
        "good": "合规示例",
        "sev": {"error": "错误", "warning": "警告", "info": "提示"},
        "off": "（已停用）",
    },
    "en": {
        "principle": "Principle",
        "severity": "Severity",
        "kind": "Kind",
        "checks": "Checks",
        "thresholds": "Thresholds",
        "message": "Message",
        "fix": "How to fix",
        "why": "Why it belongs to this principle",
        "bad": "Violating log",
        "good": "Compliant log",
        "sev": {"error": "error", "warning": "warning", "info": "info"},
        "off": " (switched off)",
    },
}


def snippet_csv(rows: list[dict[str, str]]) -> str:
    """Example events as the CSV a shop would log (only the columns used)."""
    used = [c for c in SNIPPET_COLUMNS if any(c in r for r in rows)]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=used, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().rstrip("\n")


def thresholds(rule: Rule, lang: str) -> list[tuple[str, str]]:
    """(parameter, humanized value) for the scalar parameters a shop tunes."""
    flat = flat_params(rule.params)
    return [
        (name, humanize_value(value, lang, name))
        for name, value in flat.items()
        if "." not in name and not isinstance(value, dict | list) and name != "field"
    ]


def severity_text(severity: str, lang: str) -> str:
    """``警告（`warning`）`` in Chinese; in English the word once (``warning``)."""
    word = _L[lang]["sev"][severity]
    return word if word == severity else f"{word}（`{severity}`）"


def rule_markdown(
    pb: Playbook,
    rule_id: str,
    lang: str,
    *,
    heading: str = "##",
    anchor: str = "",
    principle_link: str = "",
) -> str:
    """The rule's reference entry in Markdown, generated from the live playbook.

    The handbook passes ``anchor`` (an attribute list for the heading) and ``principle_link``
    (a link target for the principle's title); ``huitou explain`` passes neither."""
    rule = pb.rule(rule_id)
    kind = get_kind(rule.kind)
    t = _L[lang]
    principle = pb.principles[rule.principle]
    title = principle["title"][lang]
    bad, good = kind.example(rule, pb)
    lines = [
        f"{heading} `{rule.id}` {rule.title[lang]}{'' if rule.enabled else t['off']}"
        + (f" {{#{anchor}}}" if anchor else ""),
        "",
        f"- **{t['principle']}**: "
        + (f"[{title}]({principle_link})" if principle_link else title)
        + f" (`{rule.principle}`)",
        f"- **{t['severity']}**: {severity_text(rule.severity, lang)}",
        f"- **{t['kind']}**: `{rule.kind}` ({kind.summary[lang]})",
        f"- **{t['checks']}**: {kind.describe(rule, pb, lang)}",
        f"- **{t['thresholds']}**: "
        + ("; ".join(f"`{k}` = {v}" for k, v in thresholds(rule, lang)) or "—"),
        f"- **{t['message']}**: {fill_params(rule.message[lang], rule.params, lang)}",
        "",
        f"{principle['summary'][lang]}",
        "",
        *([f"**{t['why']}**: {rule.why[lang]}", ""] if rule.why.get(lang) else []),
        f"**{t['bad']}**",
        "",
        "```csv",
        snippet_csv(bad),
        "```",
        "",
        f"**{t['good']}**",
        "",
        "```csv",
        snippet_csv(good),
        "```",
    ]
    if rule.fix:
        lines += ["", f"**{t['fix']}**: {fill_params(rule.fix[lang], rule.params, lang)}"]
    return "\n".join(lines) + "\n"
