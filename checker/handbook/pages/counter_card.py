"""The counter card: every cadence step and time limit on one printable A4 page."""

from __future__ import annotations

from checker.handbook.context import Context, GeneratedPage, table
from checker.handbook.pages.cadence import when
from checker.handbook.pages.complaints import limit_text


def pages(ctx: Context) -> list[GeneratedPage]:
    card = ctx.handbook.get("counter_card", {})
    cadence = ctx.handbook.get("cadence", {}).get("steps", [])
    complaints = ctx.handbook.get("complaints", {}).get("steps", [])
    policy = ctx.handbook.get("contact_policy", {}).get("items", [])
    steps = table(
        [ctx.ui("step"), ctx.ui("when"), ctx.ui("rule")],
        [
            [ctx.t(s["title"]), when(ctx, s), f"`{s['rule']}`" if s.get("rule") else "—"]
            for s in cadence
        ],
    )
    flow = table(
        [ctx.ui("step"), ctx.ui("time_limit")],
        [[ctx.t(s["title"]), limit_text(ctx, s) or "—"] for s in complaints],
    )
    limits = table(
        [ctx.ui("rule"), ctx.ui("checks")],
        [
            [
                ctx.t(ctx.playbook.rule(i["rule"]).title),
                ctx.rule_message(ctx.playbook.rule(i["rule"])),
            ]
            for i in policy
        ],
    )
    body = [
        f"# {ctx.t(card.get('title', ctx.ui('title_counter-card')))}",
        '<div class="hh-counter-card" markdown>',
        ctx.t(card.get("note", "")),
        f"## {ctx.ui('cadence_title')} {{#cadence}}",
        steps,
        f"## {ctx.ui('complaints_title')} {{#complaints}}",
        flow,
        f"## {ctx.ui('contact_title')} {{#contact}}",
        limits,
        "</div>",
    ]
    markdown = "\n\n".join(body) + "\n"
    return [GeneratedPage("counter-card.md", markdown, ("handbook", "counter_card"))]
