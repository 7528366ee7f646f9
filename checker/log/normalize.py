"""Raw string rows -> typed events plus a reject reason per row (empty when the row is fine).

Pure Ibis: every check is an expression, so it runs in the backend, not in a Python loop.
"""

from __future__ import annotations

from collections.abc import Callable

import ibis
import ibis.expr.types as ir

from checker.log.columns import CANONICAL
from checker.log.event_flags import any_flag, event_flags, flag_of, written_names
from checker.log.stages import stage
from checker.log.times import TS_HINT, TS_PATTERN, TS_RANGE_HINT, parse_times
from checker.playbook.model import Playbook

# Columns whose end is never looked at (see `_clean`): message text, which is only searched
# for phrases; values whose parsers skip trailing whitespace themselves (times, through the
# pattern in `checker.log.times`; numbers, which every backend's cast trims); names looked
# up in a list, which are trimmed only when the lookup fails (see `_looked_up`).
START_ONLY = ("text", "ts", "due", "amount", "price", "event", "channel")


# Below "!" in byte order: empty, or a first byte that is a space or a control character
# (in UTF-8 a byte under 0x21 is always that character itself).
_EDGE = "!"


def _clean(value: ir.StringValue, *, start_only: bool = False) -> ir.StringValue:
    """Surrounding whitespace removed, blank -> NULL. Trimming copies the string, so it is
    done only for the (few) values that may need it: those whose first or last character
    is a space or a control character, told by comparing the value (and its last character)
    with ``_EDGE``: a byte comparison, cheaper than decoding the character or a pattern.

    ``start_only`` (see `START_ONLY`): only a value that starts with such a character is
    trimmed, which still turns every blank value into NULL; the end is never looked at
    (finding the last character of a value costs a pass over it: of long, mostly non-ASCII
    text, more than cleaning all the short columns)."""
    edge = value < _EDGE
    if not start_only:
        edge |= value.substr(-1) < _EDGE
    # An empty value is below _EDGE too, so blanks take the trimming branch: the rest are
    # returned as they are. A NULL value makes ``edge`` NULL, which takes the other branch
    # (NULL stays NULL): no COALESCE to pay for on every value.
    return ibis.ifelse(edge, value.strip().nullif(""), value)


def one_of(value: ir.StringValue, options: list[str]) -> ir.BooleanValue:
    """``value`` is one of ``options``, as a chain of comparisons. Not ``isin``: DuckDB runs a
    long IN list as a join, and a join may reorder rows, while the table the rows are
    written to must keep the file's order (a row's line is its place in that table)."""
    if not options:
        return ibis.literal(False)
    return ibis.or_(*[value == option for option in options])


def _retried(
    found: ir.Value, value: ir.StringValue, lookup: Callable[[ir.StringValue], ir.Value]
) -> ir.Value:
    """What ``lookup(value)`` ``found`` (a column written by an earlier projection), or,
    where it found nothing (an unknown name, or one with whitespace after it), ``lookup`` of
    the trimmed value. A CASE: its branch runs only for the rows that take it, so almost no
    value is trimmed (DuckDB's COALESCE would look up every trimmed value too). The first
    lookup is a column of its own so that its comparison chain is written once, not once
    more for each use of what it found."""
    return ibis.ifelse(found.isnull(), lookup(value.strip()), found)


def known(value: ir.StringValue, names: list[str]) -> ir.StringValue:
    """``value`` when it is one of ``names``, else NULL (a comparison chain, see `one_of`)."""
    if not names:
        return ibis.null("string")
    return ibis.cases(*[(value == name, name) for name in names], else_=ibis.null("string"))


def canonical_event(name: ir.StringValue, pb: Playbook) -> ir.StringValue:
    """The canonical event for a raw name (a canonical name, or a shop's alias of one); NULL
    when unknown. An expression, not a join: rows must keep the file's order. (Used only
    when the vocabulary is too large for flags: else the name comes from the flag.)"""
    return ibis.cases(*[(name == raw, canonical) for raw, canonical in written_names(pb).items()])


def outbound(t: ir.Table, pb: Playbook) -> ir.BooleanValue:
    """The shop reached out remotely: a shop event on a remote channel (or, unless the
    playbook says otherwise, on no channel at all)."""
    shop = [e for e, spec in pb.events.items() if spec.get("actor") == "shop"]
    remote = [c for c, spec in pb.data.get("channels", {}).items() if spec.get("remote")]
    is_remote = one_of(t.channel, remote)
    if pb.data.get("missing_channel_is_remote", True):
        is_remote = is_remote | t.channel.isnull()
    is_shop = any_flag(t.event_flag, shop, pb) if event_flags(pb) else one_of(t.event, shop)
    return (is_shop & is_remote).fill_null(False)


NUMBER_HINT = "write digits with a point, e.g. 128.50"


def finite(value: ir.StringValue) -> ir.FloatingValue:
    """A number, or NULL when ``value`` is not one or is not finite (NaN, infinity, or past
    the largest double, such as 1e400): such a row is rejected, never summed."""
    number = value.try_cast("float64")
    return ibis.ifelse(number.isnan() | number.isinf(), ibis.null("float64"), number)


def normalize(raw: ir.Table, pb: Playbook) -> ir.Table:
    """Typed columns + ``reason`` ('' for a good row); ``event_id`` stays NULL where the file
    has none (see `default_ids`, once the row's place is known).

    Each step is a projection of its own (`checker.log.stages.stage`): a later step reads a
    column, where one projection would repeat the whole expression that made it at every use
    (the cleaning of a value, a name's lookup), making a query too long to compile quickly."""
    zone = pb.timezone
    channels = list(pb.data.get("channels", {}))
    t = stage(raw.mutate(**{c: _clean(raw[c], start_only=c in START_ONLY) for c in CANONICAL}))
    # The name is matched once, to its flag; the canonical name comes from the flag.
    typed = t.mutate(
        ts_raw=t.ts,
        due_raw=t.due,
        event_raw=t.event,
        event_flag=flag_of(t.event, pb),
        channel_raw=t.channel,
        channel=known(t.channel, channels),
        amount=finite(t.amount),
        price=finite(t.price),
        amount_raw=t.amount,
        price_raw=t.price,
    )
    timed = parse_times(typed, {"ts_raw": "ts", "due_raw": "due"}, zone)
    parsed = stage(
        timed.mutate(
            event_flag=_retried(timed.event_flag, timed.event_raw, lambda name: flag_of(name, pb)),
            channel=_retried(timed.channel, timed.channel_raw, lambda name: known(name, channels)),
        )
    )
    # With flags, the canonical name is not stored: the events read it from the flag (see
    # `checker.engine.prepare`), and nothing that reads every row needs it.
    flagged = event_flags(pb) is not None
    if flagged:
        p = parsed.drop("event")
    else:
        named = stage(parsed.mutate(event=canonical_event(parsed.event, pb)))
        p = stage(
            named.mutate(
                event=_retried(named.event, named.event_raw, lambda n: canonical_event(n, pb))
            )
        )
    known_event = p.event_flag.notnull() if flagged else p.event.notnull()
    # Values quoted in a reason are trimmed there (only rejected rows build the text).
    checks: list[tuple[ir.BooleanValue, ir.StringValue | str]] = [
        (p.ts_raw.isnull(), "missing ts: every row needs a time"),
        (
            p.ts_raw.notnull() & p.ts.isnull() & ~p.ts_raw.re_search(TS_PATTERN),
            "unparsable ts '" + p.ts_raw.strip() + "': " + TS_HINT,
        ),
        (
            p.ts_raw.notnull() & p.ts.isnull() & p.ts_raw.re_search(TS_PATTERN),
            "unparsable ts '" + p.ts_raw.strip() + "': " + TS_RANGE_HINT,
        ),
        (p.customer_id.isnull(), "missing customer_id"),
        (p.event_raw.isnull(), "missing event"),
        (p.event_raw.notnull() & ~known_event, "unknown event '" + p.event_raw.strip() + "'"),
        (
            p.due_raw.notnull() & p.due.isnull() & ~p.due_raw.re_search(TS_PATTERN),
            "unparsable due '" + p.due_raw.strip() + "': " + TS_HINT,
        ),
        (
            p.due_raw.notnull() & p.due.isnull() & p.due_raw.re_search(TS_PATTERN),
            "unparsable due '" + p.due_raw.strip() + "': " + TS_RANGE_HINT,
        ),
        (
            p.amount_raw.notnull() & p.amount.isnull(),
            "amount '" + p.amount_raw.strip() + "' is not a finite number: " + NUMBER_HINT,
        ),
        (
            p.price_raw.notnull() & p.price.isnull(),
            "price '" + p.price_raw.strip() + "' is not a finite number: " + NUMBER_HINT,
        ),
        (
            p.channel_raw.notnull() & p.channel.isnull(),
            "unknown channel '" + p.channel_raw.strip() + "' (known: " + ", ".join(channels) + ")",
        ),
    ]
    # Every check is made of IS [NOT] NULL tests, so it is never NULL itself: no COALESCE.
    reason: ir.StringValue = ibis.literal("")
    bad: ir.BooleanValue = ibis.literal(False)
    for cond, text in checks:
        piece = ibis.literal(text) if isinstance(text, str) else text
        reason = reason + ibis.ifelse(cond, piece + "; ", "")
        bad = bad | cond
    # The text is built only for bad rows (a CASE branch runs just for the rows that take it).
    # Raw copies are only needed for the reason text: not kept, to keep the cached table lean.
    return p.mutate(
        reason=ibis.ifelse(bad, reason, ""),
        outbound=outbound(p, pb),
    ).drop(
        "amount_raw",
        "price_raw",
        "due_raw",
        "ts_raw",
        "event_raw",
        "channel_raw",
    )
