"""Each canonical event as one bit of a 64-bit integer (``event_flag``), so that "is this
row one of these events" is one AND per row instead of a list of string comparisons (DuckDB
runs a long IN list as a join against a small table; the passes test such lists often).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.lazy import lazy
from checker.playbook.model import Playbook

if TYPE_CHECKING:
    import ibis.expr.types as ir

ibis = lazy("ibis")  # imported by the first expression built

# Bits 0..62 of a signed 64-bit integer; a vocabulary larger than that (a shop may add its
# own events) keeps the string comparisons.
MAX_FLAGS = 63


def event_flags(pb: Playbook) -> dict[str, int] | None:
    """Each canonical event's bit (by name order); None when there are too many events."""
    names = sorted(pb.events)
    if len(names) > MAX_FLAGS:
        return None
    return {name: 1 << i for i, name in enumerate(names)}


def written_names(pb: Playbook) -> dict[str, str]:
    """Each event name a log may use (a canonical name, or a shop's alias of one) and the
    canonical event it stands for."""
    return {**{e: e for e in pb.events}, **pb.data.get("event_aliases", {})}


def flag_of(name: ir.StringValue, pb: Playbook) -> ir.IntegerValue:
    """The ``event_flag`` of an event name as a log writes it (canonical, or an alias): one
    comparison chain over the raw names, NULL for an unknown name or when the vocabulary is
    too large for flags."""
    flags = event_flags(pb)
    if not flags:
        return ibis.null("int64")
    return ibis.cases(
        *[
            (name == written, ibis.literal(flags[canonical], "int64"))
            for written, canonical in written_names(pb).items()
        ]
    )


def event_of(flag: ir.IntegerValue, pb: Playbook) -> ir.StringValue:
    """The canonical event name of an ``event_flag`` (integer comparisons: cheaper than
    matching the name a second time)."""
    flags = event_flags(pb) or {}
    return ibis.cases(*[(flag == bit, name) for name, bit in flags.items()])


def any_flag(flag: ir.IntegerValue, names: list[str], pb: Playbook) -> ir.BooleanValue:
    """The flag is one of the canonical events ``names`` (flags must be available)."""
    flags = event_flags(pb) or {}
    mask = sum(flags[name] for name in set(names) if name in flags)
    if not mask:
        return ibis.literal(False)
    return (flag & ibis.literal(mask, "int64")) != 0


def is_event(t: ir.Table, names: list[str], pb: Playbook) -> ir.BooleanValue:
    """The row's event is one of ``names`` (canonical names): its flag against their mask."""
    if event_flags(pb) is None:
        return t.event.isin(names)
    return any_flag(t.event_flag, names, pb)
