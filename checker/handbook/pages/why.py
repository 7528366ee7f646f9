"""The home page: why returning customers matter, each figure with its source."""

from __future__ import annotations

from checker.handbook import quiz
from checker.handbook.context import Context, GeneratedPage


def pages(ctx: Context) -> list[GeneratedPage]:
    why = ctx.handbook.get("why", {})
    src = "index.md"
    parts = [
        f"# {ctx.ui('why_title')}",
        ctx.t(why.get("intro", "")),
        '<div class="grid cards" markdown>',
    ]
    for fact in why.get("facts", []):
        parts.append(
            f"-   **{fact['figure']}**\n\n    ---\n\n    {ctx.t(fact['text'])}\n\n"
            f"    <small>{ctx.ui('source', source=fact['source'])}</small>"
        )
    parts.append("</div>")
    parts.append(f"## {ctx.ui('principles_title')} {{#principles}}")
    items = []
    for pid in ctx.principle_ids():
        p = ctx.playbook.principles[pid]
        link = ctx.link(src, "principles/" + pid)
        items.append(
            f"{p['order']}. [{ctx.t(p['title'])}]({link}){ctx.ui('dash')}{ctx.t(p['summary'])}"
        )
    parts.append("\n".join(items))
    parts += [
        f"## {ctx.ui('start_here')} {{#start}}",
        ctx.ui(
            "start_text", training=ctx.link(src, "training"), card=ctx.link(src, "counter-card")
        ),
        *quiz.section(ctx, "why"),
    ]
    return [GeneratedPage(src, "\n\n".join(parts) + "\n", ("handbook", "why"))]
