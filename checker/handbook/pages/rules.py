"""The rule reference: one entry per rule, text from ``checker.explain.rule_markdown``."""

from __future__ import annotations

import re
from collections.abc import Callable

from checker.handbook.context import Context, GeneratedPage, rule_anchor, table
from checker.playbook import Playbook
from checker.playbook.text import flat_params, humanize_value

HEADING = re.compile(r"^(#{1,6})(\s)", re.MULTILINE)


def _fallback_rule_markdown(playbook: Playbook, rule_id: str, lang: str) -> str:
    """FALLBACK used only while ``checker.explain`` is missing: message, parameters and fix.

    It has no log snippets; ``checker.explain.rule_markdown`` (the lead's) replaces it.
    """
    from checker.playbook.text import fill_params

    rule = playbook.rule(rule_id)
    params = [
        [f"`{k}`", humanize_value(v, lang, k)]
        for k, v in flat_params(rule.params).items()
        if "." not in k or k.rsplit(".", 1)[-1] not in flat_params(rule.params)
    ]
    heads = {
        "zh": ("检查内容", "参数", "值", "怎么改"),
        "en": ("What it checks", "Parameter", "Value", "How to fix"),
    }[lang]
    parts = [
        f"**{heads[0]}**: {fill_params(rule.message[lang], rule.params, lang)}",
        table([heads[1], heads[2]], params) if params else "",
        f"**{heads[3]}**: {fill_params(rule.fix.get(lang, ''), rule.params, lang)}",
    ]
    return "\n\n".join(p for p in parts if p)


def explainer() -> Callable[[Playbook, str, str], str]:
    try:
        from checker.explain import rule_markdown  # the lead's module; same text as `explain`
    except ImportError:
        return _fallback_rule_markdown
    return rule_markdown


def demote(markdown: str, top: int = 3) -> str:
    """Shift headings so the highest one is level ``top`` (entries sit under our ``##``)."""
    levels = [len(m.group(1)) for m in HEADING.finditer(markdown)]
    if not levels:
        return markdown
    shift = top - min(levels)
    return HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + shift) + m.group(2), markdown)


def pages(ctx: Context) -> list[GeneratedPage]:
    explain = explainer()
    src = "rules.md"
    parts = [f"# {ctx.ui('rules_title')}", ctx.ui("rules_intro")]
    index = [
        [
            f"[`{r.id}`](#{rule_anchor(r.id)})",
            ctx.t(r.title),
            f"[{ctx.t(ctx.playbook.principles[r.principle]['title'])}]"
            f"({ctx.link(src, 'principles/' + r.principle)})",
            ctx.ui(r.severity),
        ]
        for r in ctx.playbook.rules
    ]
    parts.append(
        table([ctx.ui("rule"), ctx.ui("title"), ctx.ui("principle"), ctx.ui("severity")], index)
    )
    for r in ctx.playbook.rules:
        principle = ctx.t(ctx.playbook.principles[r.principle]["title"])
        parts += [
            f"## `{r.id}` {ctx.t(r.title)} {{#{rule_anchor(r.id)}}}",
            f"**{ctx.ui('principle')}**{ctx.ui('colon')}"
            f"[{principle}]({ctx.link(src, 'principles/' + r.principle)})  \n"
            f"**{ctx.ui('severity')}**{ctx.ui('colon')}{ctx.ui(r.severity)}",
            demote(explain(ctx.playbook, r.id, ctx.lang)),
        ]
    return [GeneratedPage(src, "\n\n".join(parts) + "\n", ("rules",))]
