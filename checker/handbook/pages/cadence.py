"""The service cadence: a timeline diagram and, for each step, why, how and templates."""

from __future__ import annotations

from typing import Any

from checker.durations import parse_duration
from checker.handbook import quiz, svg, taught
from checker.handbook.context import Context, GeneratedPage

LEFT, DAY_PX, RHYTHM_X, WIDTH, HEIGHT = 50, 56, 560, 860, 300


def step_day(ctx: Context, step: dict[str, Any]) -> int | None:
    """The day a step falls on: the live ``within`` of its rule when it is given in days."""
    at = step.get("at", {})
    if "day" not in at:
        return None
    within = None
    if step.get("rule"):
        try:
            within = ctx.playbook.rule(step["rule"]).params.get("within")
        except KeyError:
            within = None
    if within:
        return int(parse_duration(str(within)).total_seconds() // 86400)
    return int(at["day"])


def when(ctx: Context, step: dict[str, Any]) -> str:
    """When a step happens, in words, from the live thresholds of its rule."""
    rule_id = step.get("rule")
    at = step.get("at", {})
    rhythm = at.get("rhythm", "event")
    within, gap = ctx.limit(rule_id), ctx.limit(rule_id, "max_gap")
    before, after = ctx.limit(rule_id, "before"), ctx.limit(rule_id, "after")
    if "day" in at:
        return ctx.ui("within_of_sale", limit=within) if within else ctx.ui("on_day", day=at["day"])
    if gap:
        return ctx.ui("every_at_most", rhythm=ctx.ui(f"rhythm_{rhythm}"), limit=gap)
    if before and after:
        return ctx.ui("around", rhythm=ctx.ui(f"rhythm_{rhythm}"), before=before, after=after)
    if within and rule_id:
        trigger = ctx.playbook.rule(rule_id).params.get("trigger", {}).get("events", [""])[0]
        return ctx.ui("within_of", limit=within, event=ctx.playbook.event_label(trigger, ctx.lang))
    return ctx.ui(f"rhythm_{rhythm}")


def timeline(ctx: Context, steps: list[dict[str, Any]]) -> str:
    days = [(step_day(ctx, s), s) for s in steps]
    dated = sorted([(d, s) for d, s in days if d is not None], key=lambda x: x[0])
    rhythm = [s for d, s in days if d is None]
    last = max([d for d, _ in dated] or [7])
    scale = min(DAY_PX, (RHYTHM_X - LEFT - 60) / max(last, 1))
    axis_y = 120
    body = [
        f'<line x1="{LEFT}" y1="{axis_y}" x2="{RHYTHM_X}" y2="{axis_y}" '
        f'stroke="{svg.ACCENT}" stroke-width="3"/>',
        f'<line x1="{RHYTHM_X}" y1="{axis_y}" x2="{WIDTH - 30}" y2="{axis_y}" '
        f'stroke="{svg.ACCENT}" stroke-width="3" stroke-dasharray="8 6" '
        'marker-end="url(#cadence-timeline-arrow)"/>',
        svg.label(
            (RHYTHM_X + WIDTH - 30) / 2,
            axis_y - 14,
            ctx.ui("rhythm_monthly"),
            size=13,
            color=svg.MUTED,
        ),
    ]
    for i, (day, step) in enumerate(dated):
        x = LEFT + 10 + day * scale
        up = i % 2 == 0
        body += [
            f'<circle cx="{x:.1f}" cy="{axis_y}" r="7" fill="#fff" stroke="{svg.ACCENT}" '
            'stroke-width="3"/>',
            svg.label(x, axis_y + 28, ctx.ui("day_n", day=day), size=12, color=svg.MUTED),
            svg.label(
                x,
                axis_y - (48 if up else 30),
                ctx.t(step["title"]),
                size=14,
                max_width=150,
                weight="bold",
            ),
        ]
        limit = ctx.limit(step.get("rule"))
        if limit:
            body.append(
                svg.label(x, axis_y + 46, ctx.ui("within", limit=limit), size=12, max_width=150)
            )
    box_w = (WIDTH - 2 * LEFT - 10 * (len(rhythm) - 1)) / max(len(rhythm), 1)
    for i, step in enumerate(rhythm):
        x = LEFT + i * (box_w + 10)
        body += [
            f'<rect x="{x:.1f}" y="200" width="{box_w:.1f}" height="72" rx="8" fill="{svg.FILL}" '
            f'stroke="{svg.ACCENT}"/>',
            svg.label(
                x + box_w / 2,
                226,
                ctx.t(step["title"]),
                size=13,
                max_width=box_w - 10,
                weight="bold",
            ),
            svg.block(
                x + box_w / 2, 248, when(ctx, step), size=11, max_width=box_w - 12, color=svg.MUTED
            ),
        ]
    body.append(svg.label(LEFT, 190, ctx.ui("all_year"), size=12, anchor="start", color=svg.MUTED))
    desc = "; ".join(f"{ctx.t(s['title'])}: {when(ctx, s)}" for s in steps)
    return svg.svg("cadence-timeline", WIDTH, HEIGHT, ctx.ui("cadence_title"), desc, body)


def pages(ctx: Context) -> list[GeneratedPage]:
    cad = ctx.handbook.get("cadence", {})
    steps = cad.get("steps", [])
    src = "cadence.md"
    parts = [f"# {ctx.ui('cadence_title')}", ctx.t(cad.get("intro", "")), timeline(ctx, steps)]
    for step in steps:
        parts.append(f"## {ctx.t(step['title'])} {{#{step['id']}}}")
        facts = [f"**{ctx.ui('when')}**" + ctx.ui("colon") + when(ctx, step)]
        if step.get("rule"):
            link = ctx.rule_link(src, step["rule"])
            facts.append(f"**{ctx.ui('rule')}**" + ctx.ui("colon") + link)
        parts += [
            "  \n".join(facts),
            f"**{ctx.ui('why_step')}**",
            ctx.t(step.get("why", "")),
            f"**{ctx.ui('how')}**",
            ctx.t(step.get("how", "")),
            f"**{ctx.ui('templates')}**",
            "\n\n".join(f"> {ctx.t(tpl)}" for tpl in step.get("templates", [])),
        ]
    parts += taught.sections(ctx, cad) + quiz.section(ctx, "cadence")
    return [GeneratedPage(src, "\n\n".join(parts) + "\n", ("handbook", "cadence"))]
