"""One page per principle: meaning, why, do/don't, example exchanges, rules, quiz."""

from __future__ import annotations

from typing import Any

from checker.handbook import quiz
from checker.handbook.context import Context, GeneratedPage, table


def _exchange(ctx: Context, kind: str, lines: list[dict[str, Any]]) -> str:
    """A chat-like exchange inside an admonition (``failure`` for poor, ``success`` for good)."""
    box = "failure" if kind == "poor" else "success"
    out = [f'!!! {box} "{ctx.ui(kind)}"', ""]
    for line in lines:
        who = line["speaker"]
        sep = "：" if ctx.lang == "zh" else ": "
        out.append(
            f'    <p class="hh-msg hh-{who}"><strong>{ctx.ui(who)}{sep}</strong>'
            f"{ctx.esc(line['text'])}</p>"
        )
    return "\n".join(out)


def _rules_table(ctx: Context, src: str, principle: str) -> str:
    rows = [
        [ctx.rule_link(src, r.id), ctx.t(r.title), ctx.ui(r.severity), ctx.rule_message(r)]
        for r in ctx.playbook.rules
        if r.principle == principle
    ]
    if not rows:
        return ctx.ui("no_rules")
    return table([ctx.ui("rule"), ctx.ui("title"), ctx.ui("severity"), ctx.ui("checks")], rows)


def principle_page(ctx: Context, pid: str) -> GeneratedPage:
    p = ctx.playbook.principles[pid]
    src = f"principles/{pid}.md"
    parts = [
        f"# {ctx.t(p['title'])}",
        f"> {ctx.t(p['summary'])}",
        f"## {ctx.ui('meaning')} {{#meaning}}",
        ctx.t(p.get("meaning", "")),
        f"## {ctx.ui('why_matters')} {{#why}}",
        ctx.t(p.get("why", "")),
        f"## {ctx.ui('do')} {{#do}}",
        "\n".join(f"- {ctx.t(x)}" for x in p.get("do", [])),
        f"## {ctx.ui('dont')} {{#dont}}",
        "\n".join(f"- {ctx.t(x)}" for x in p.get("dont", [])),
        f"## {ctx.ui('examples')} {{#examples}}",
    ]
    for i, ex in enumerate(p.get("examples", []), start=1):
        parts += [
            f"### {ctx.ui(ex['setting'])}：{ctx.t(ex['title'])} {{#example-{i}}}"
            if ctx.lang == "zh"
            else f"### {ctx.ui(ex['setting'])}: {ctx.t(ex['title'])} {{#example-{i}}}",
            _exchange(ctx, "poor", ex.get("poor", [])),
            _exchange(ctx, "good", ex.get("good", [])),
            f"**{ctx.ui('lesson')}**" + ("：" if ctx.lang == "zh" else ": ") + ctx.t(ex["lesson"]),
        ]
    parts += [
        f"## {ctx.ui('checked_by')} {{#rules}}",
        _rules_table(ctx, src, pid),
        *quiz.section(ctx, "principles/" + pid),
    ]
    return GeneratedPage(src, "\n\n".join(parts) + "\n", ("principles", pid))


def pages(ctx: Context) -> list[GeneratedPage]:
    return [principle_page(ctx, pid) for pid in ctx.principle_ids()]
