"""One module per family of generated pages; ``all_pages`` runs them all."""

from __future__ import annotations

from checker.handbook.context import Context, GeneratedPage
from checker.handbook.pages import (
    cadence,
    complaints,
    contact,
    counter_card,
    glossary,
    principles,
    rules,
    segments,
    training,
    why,
)

FAMILIES = (
    why,
    principles,
    cadence,
    complaints,
    segments,
    contact,
    rules,
    training,
    counter_card,
    glossary,
)


def all_pages(ctx: Context) -> list[GeneratedPage]:
    return [page for family in FAMILIES for page in family.pages(ctx)]
