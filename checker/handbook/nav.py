"""The navigation: fixed page order, the six principles as one section, titles per language."""

from __future__ import annotations

from typing import Any

from checker.handbook.context import Context

ORDER = (
    "why",
    "principles",
    "cadence",
    "complaints",
    "segments",
    "contact-policy",
    "rules",
    "auditing",
    "training",
    "counter-card",
    "glossary",
)


def build_nav(ctx: Context) -> list[Any]:
    nav: list[Any] = []
    for page_id in ORDER:
        if page_id == "principles":
            nav.append(
                {
                    ctx.ui("nav_principles"): [
                        {ctx.t(ctx.playbook.principles[p]["title"]): f"principles/{p}.md"}
                        for p in ctx.principle_ids()
                    ]
                }
            )
        else:
            nav.append({ctx.ui(f"title_{page_id}"): ctx.page_file(page_id)})
    return nav
