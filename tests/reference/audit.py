"""The reference audit: valid events and a playbook in, one outcome per rule opportunity out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from checker.playbook import Playbook
from tests.reference.context import Context
from tests.reference.events import Event, Outcome, parse_events, parse_ts
from tests.reference.kinds import KINDS
from tests.reference.segments import compute_segments


def build_context(
    rows: Iterable[Mapping[str, Any]] | list[Event],
    playbook: Playbook,
    *,
    customers: Iterable[Mapping[str, Any]] | None = None,
    as_of: datetime | str | None = None,
) -> Context | None:
    """Drop events after ``as_of``, compute segments; None when no event is left to audit."""
    events = [r for r in rows if isinstance(r, Event)] or parse_events(
        rows,
        playbook.timezone,  # type: ignore[arg-type]
    )
    end = parse_ts(as_of) if as_of is not None else max((e.ts for e in events), default=None)
    if end is None:
        return None
    kept = [e for e in events if e.ts <= end]
    if not kept:
        return None
    table = {str(c["customer_id"]): c for c in customers or []}
    tiers = {c: str(row.get("tier") or "") for c, row in table.items()}
    birthdays = {c: str(row["birthday"]) for c, row in table.items() if row.get("birthday")}
    return Context(
        playbook=playbook,
        events=kept,
        as_of=end,
        audit_start=min(e.ts for e in kept),
        segments=compute_segments(kept, playbook.data.get("segments", {}), end, tiers),
        birthdays=birthdays,
    )


def evaluate(
    rows: Iterable[Mapping[str, Any]] | list[Event],
    playbook: Playbook,
    *,
    customers: Iterable[Mapping[str, Any]] | None = None,
    as_of: datetime | str | None = None,
    rule_ids: Iterable[str] | None = None,
) -> list[Outcome]:
    """Every outcome of every enabled rule (or of ``rule_ids``) on the given events."""
    ctx = build_context(list(rows), playbook, customers=customers, as_of=as_of)
    if ctx is None:
        return []
    wanted = set(rule_ids) if rule_ids is not None else None
    out: list[Outcome] = []
    for rule in playbook.rules:
        if wanted is None or rule.id in wanted:
            out.extend(KINDS[rule.kind](rule, ctx))
    return out
