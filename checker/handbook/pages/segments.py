"""Segments: how each is computed (live values), the care each gets, value beyond order size."""

from __future__ import annotations

from checker.handbook.context import Context, GeneratedPage, table


def pages(ctx: Context) -> list[GeneratedPage]:
    seg = ctx.data.get("segments", {})
    hb = ctx.handbook.get("segments", {})
    care = hb.get("care", {})
    precedence = seg.get("precedence", [])
    names = [seg[s][ctx.lang] for s in precedence]
    rows = [
        [f"**{seg[s][ctx.lang]}** (`{s}`)", ctx.t(ctx.ui(f"seg_rule_{s}")), ctx.t(care.get(s, ""))]
        for s in precedence
    ]
    parts = [
        f"# {ctx.ui('segments_title')}",
        ctx.t(hb.get("intro", "")),
        f"## {ctx.ui('seg_how')} {{#how}}",
        ctx.t(ctx.ui("seg_lookback")),
        ctx.ui("seg_precedence", order=" → ".join(names)),
        table([ctx.ui("segment"), ctx.ui("seg_computed"), ctx.ui("seg_care")], rows),
        f"## {ctx.ui('seg_value')} {{#value}}",
        f'!!! example "{ctx.ui("seg_value")}"\n\n    {ctx.t(hb.get("value_example", ""))}',
    ]
    return [GeneratedPage("segments.md", "\n\n".join(parts) + "\n", ("handbook", "segments"))]
