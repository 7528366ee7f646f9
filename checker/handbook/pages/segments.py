"""Segments: how each is computed (live values), how count, order value and spend are weighed
(seed 004's value example), the care each segment gets, taught-only lessons and the quiz."""

from __future__ import annotations

from checker.handbook import quiz, taught
from checker.handbook.context import Context, GeneratedPage, table


def admonition(kind: str, title: str, text: str) -> str:
    """A Material admonition holding ``text``'s paragraphs (each joined onto one line)."""
    body = "\n\n".join("    " + " ".join(p.split()) for p in text.split("\n\n"))
    return f'!!! {kind} "{title}"\n\n{body}'


def pages(ctx: Context) -> list[GeneratedPage]:
    seg = ctx.data.get("segments", {})
    hb = ctx.handbook.get("segments", {})
    care, criteria = hb.get("care", {}), hb.get("criteria", {})
    precedence = seg.get("precedence", [])
    names = [seg[s][ctx.lang] for s in precedence]
    rows = [
        [f"**{seg[s][ctx.lang]}** (`{s}`)", ctx.t(criteria.get(s, "")), ctx.t(care.get(s, ""))]
        for s in precedence
    ]
    example = hb.get("value_example", {})
    parts = [
        f"# {ctx.ui('segments_title')}",
        ctx.t(hb.get("intro", "")),
        f"## {ctx.ui('seg_how')} {{#how}}",
        ctx.t(hb.get("lookback", "")),
        ctx.ui("seg_precedence", order=" → ".join(names)),
        table([ctx.ui("segment"), ctx.ui("seg_computed"), ctx.ui("seg_care")], rows),
        f"## {ctx.ui('seg_value')} {{#value}}",
        admonition("example", ctx.t(example.get("title", "")), ctx.t(example.get("text", ""))),
        f"## {ctx.ui('seg_weighing')} {{#weighing}}",
        ctx.t(hb.get("weighing", "")),
        *taught.sections(ctx, hb),
        *quiz.section(ctx, "segments"),
    ]
    return [GeneratedPage("segments.md", "\n\n".join(parts) + "\n", ("handbook", "segments"))]
