"""Glossary: one entry per canonical event of the playbook's vocabulary."""

from __future__ import annotations

from checker.handbook.context import Context, GeneratedPage


def pages(ctx: Context) -> list[GeneratedPage]:
    definitions = ctx.handbook.get("glossary", {})
    parts = [f"# {ctx.ui('glossary_title')}", ctx.ui("glossary_intro")]
    for name, spec in ctx.playbook.events.items():
        who = ctx.ui("actor_" + spec.get("actor", "shop"))
        text = ctx.t(definitions[name]) if name in definitions else ""
        parts.append(f"`{name}` {spec[ctx.lang]}\n:   {text} *({who}, `@{spec.get('group', '')}`)*")
    return [GeneratedPage("glossary.md", "\n\n".join(parts) + "\n", ("handbook", "glossary"))]
