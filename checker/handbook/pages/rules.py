"""The rule reference: an index, one entry per rule (``checker.explain.rule_markdown``, the
same text as ``huitou explain``) and the self-check quiz of the rules overview."""

from __future__ import annotations

from checker.explain import rule_markdown
from checker.handbook import quiz
from checker.handbook.context import Context, GeneratedPage, rule_anchor, table


def pages(ctx: Context) -> list[GeneratedPage]:
    src = "rules.md"
    hb = ctx.handbook.get("rules", {})
    parts = [f"# {ctx.ui('rules_title')}", ctx.ui("rules_intro"), ctx.t(hb.get("intro", ""))]
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
        entry = rule_markdown(
            ctx.playbook,
            r.id,
            ctx.lang,
            heading="##",
            anchor=rule_anchor(r.id),
            principle_link=ctx.link(src, "principles/" + r.principle),
        )
        parts.append(entry)
    parts += quiz.section(ctx, "rules")
    return [GeneratedPage(src, "\n\n".join(parts) + "\n", ("rules",))]
