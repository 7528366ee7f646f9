"""Lessons the audit cannot check: each taught in a section of its page, saying why the log
cannot show it and which seed documents it comes from.

A page's playbook section lists them under ``taught``::

    taught:
      - id: two-and-eight
        title: {zh: ..., en: ...}
        text: {zh: ..., en: ...}         # the lesson
        unchecked: {zh: ..., en: ...}    # why the log cannot show it
        sources: ["003"]                 # seed documents the figures come from
        customers_fields: true           # optional: list the customers file's optional fields
"""

from __future__ import annotations

from typing import Any

from checker.handbook.context import Context, table
from checker.log.columns import CUSTOMER_COLUMNS


def customers_fields(ctx: Context) -> str:
    """The optional columns of the customers file (``--customers``), one row each."""
    described = ctx.handbook.get("customers_fields", {})
    rows = [
        [f"`{name}`", ctx.t(described[name]) if name in described else ""]
        for name in CUSTOMER_COLUMNS
        if name != "customer_id"
    ]
    return table([ctx.ui("field"), ctx.ui("field_use")], rows)


def section(ctx: Context, item: dict[str, Any]) -> list[str]:
    sources = ", ".join(item.get("sources", []))
    parts = [f"## {ctx.t(item['title'])} {{#{item['id']}}}", ctx.t(item["text"])]
    if item.get("customers_fields"):
        parts += [f"**{ctx.ui('customers_file')}**", customers_fields(ctx)]
    note = " ".join(ctx.t(item["unchecked"]).split())
    parts.append(f'!!! note "{ctx.ui("not_checked")}"\n\n    {note}')
    if sources:
        parts.append(f"<small>{ctx.ui('sources', sources=sources)}</small>")
    return parts


def sections(ctx: Context, page: dict[str, Any]) -> list[str]:
    """Every taught-only lesson of a page's playbook section, in order."""
    return [part for item in page.get("taught", []) or [] for part in section(ctx, item)]
