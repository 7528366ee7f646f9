"""Each canonical event as one bit of a 64-bit integer (``event_flag``), so that "is this
row one of these events" is one AND per row instead of a list of string comparisons (DuckDB
runs a long IN list as a join against a small table; the passes test such lists often).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from checker.playbook.model import Playbook

# Bits 0..62 of a signed 64-bit integer; a vocabulary larger than that (a shop may add its
# own events) keeps the string comparisons.
MAX_FLAGS = 63


def event_flags(pb: Playbook) -> dict[str, int] | None:
    """Each canonical event's bit (by name order); None when there are too many events."""
    names = sorted(pb.events)
    if len(names) > MAX_FLAGS:
        return None
    return {name: 1 << i for i, name in enumerate(names)}


def flag_of(event: ir.StringValue, pb: Playbook) -> ir.IntegerValue:
    """The ``event_flag`` of a canonical event name (NULL for an unknown one, or when the
    vocabulary is too large for flags)."""
    flags = event_flags(pb)
    if not flags:
        return ibis.null("int64")
    return ibis.cases(*[(event == name, ibis.literal(bit, "int64")) for name, bit in flags.items()])


def is_event(t: ir.Table, names: list[str], pb: Playbook) -> ir.BooleanValue:
    """The row's event is one of ``names`` (canonical names): its flag against their mask."""
    flags = event_flags(pb)
    if flags is None:
        return t.event.isin(names)
    mask = sum(flags[name] for name in set(names) if name in flags)
    if not mask:
        return ibis.literal(False)
    return (t.event_flag & ibis.literal(mask, "int64")) != 0
