"""Complaint handling: a flow diagram with the live time limits, the steps and templates."""

from __future__ import annotations

from typing import Any

from checker.handbook import quiz, svg, taught
from checker.handbook.context import Context, GeneratedPage

WIDTH, HEIGHT, BOX_H, GAP = 860, 190, 70, 56


def limit_text(ctx: Context, step: dict[str, Any]) -> str | None:
    """``投诉后 2 小时内`` / ``within 2 hours of the complaint`` from the step's rule."""
    rule_id = step.get("rule")
    limit = ctx.limit(rule_id)
    if not limit:
        return None
    trigger = ctx.playbook.rule(rule_id).params.get("trigger", {}).get("events", [""])[0]
    return ctx.ui("within_of", limit=limit, event=ctx.playbook.event_label(trigger, ctx.lang))


def flow(ctx: Context, steps: list[dict[str, Any]]) -> str:
    n = max(len(steps), 1)
    box_w = (WIDTH - 40 - GAP * (n - 1)) / n
    body: list[str] = []
    for i, step in enumerate(steps):
        x = 20 + i * (box_w + GAP)
        body += [
            f'<rect x="{x:.1f}" y="40" width="{box_w:.1f}" height="{BOX_H}" rx="10" '
            f'fill="{svg.FILL}" stroke="{svg.ACCENT}" stroke-width="2"/>',
            svg.label(
                x + box_w / 2,
                82,
                ctx.t(step["title"]),
                size=16,
                max_width=box_w - 12,
                weight="bold",
            ),
        ]
        if i:
            x0 = x - GAP + 4
            body.append(
                f'<line x1="{x0:.1f}" y1="75" x2="{x - 4:.1f}" y2="75" stroke="{svg.ACCENT}" '
                f'stroke-width="3" marker-end="url(#complaint-flow-arrow)"/>'
            )
        text = limit_text(ctx, step)
        if text:
            body.append(svg.label(x + box_w / 2, 140, text, size=12, max_width=box_w + GAP - 8))
    desc = " → ".join(
        ctx.t(s["title"]) + (f" ({limit_text(ctx, s)})" if limit_text(ctx, s) else "")
        for s in steps
    )
    return svg.svg("complaint-flow", WIDTH, HEIGHT, ctx.ui("complaints_title"), desc, body)


def pages(ctx: Context) -> list[GeneratedPage]:
    comp = ctx.handbook.get("complaints", {})
    steps = comp.get("steps", [])
    src = "complaints.md"
    parts = [f"# {ctx.ui('complaints_title')}", ctx.t(comp.get("intro", "")), flow(ctx, steps)]
    for i, step in enumerate(steps, start=1):
        parts.append(f"## {i}. {ctx.t(step['title'])} {{#{step['id']}}}")
        text = limit_text(ctx, step)
        if text:
            parts.append(
                f"**{ctx.ui('time_limit')}**{ctx.ui('colon')}{text}  \n"
                f"**{ctx.ui('rule')}**{ctx.ui('colon')}{ctx.rule_link(src, step['rule'])}"
            )
        parts.append(ctx.t(step.get("how", "")))
    parts.append(f"## {ctx.ui('templates')} {{#templates}}")
    parts += [f"> {ctx.t(tpl)}" for tpl in comp.get("templates", [])]
    parts += taught.sections(ctx, comp) + quiz.section(ctx, "complaints")
    return [GeneratedPage(src, "\n\n".join(parts) + "\n", ("handbook", "complaints"))]
