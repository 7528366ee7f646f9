"""Raw string rows -> typed events plus a reject reason per row (empty when the row is fine).

Pure Ibis: every check is an expression, so it runs in the backend, not in a Python loop.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import ibis
import ibis.expr.types as ir

from checker.log.columns import CANONICAL
from checker.log.sources import file_name
from checker.playbook.model import Playbook

# Fixed patterns (never from a playbook); DuckDB evaluates them with RE2 (linear time).
TS_PATTERN = (
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)"
    r" ?(Z|[+-][0-9]{2}:?[0-9]{2})?$"
)
TS_HINT = "write YYYY-MM-DD HH:MM[:SS] or ISO 8601 such as 2025-03-03T10:00:00+08:00"


def zone_offset_minutes(tz: str) -> int:
    """The playbook zone's UTC offset (zones with daylight saving use today's offset)."""
    offset = ZoneInfo(tz).utcoffset(datetime.now())
    return int(offset.total_seconds() // 60) if offset else 0


def parse_ts(text: ir.StringValue, zone_minutes: int) -> ir.TimestampValue:
    """Local wall-clock time in the playbook zone; NULL when ``text`` is not a valid time."""
    matched = text.re_search(TS_PATTERN)
    local = (text.re_extract(TS_PATTERN, 1) + " " + text.re_extract(TS_PATTERN, 2)).try_cast(
        "timestamp"
    )
    off = text.re_extract(TS_PATTERN, 5)
    sign = ibis.ifelse(off.startswith("-"), -1, 1)
    digits = off.replace(":", "")
    off_minutes = ibis.ifelse(
        off == "Z",
        0,
        sign * (digits.substr(1, 2).try_cast("int64") * 60 + digits.substr(3, 2).try_cast("int64")),
    )
    shifted = local + (zone_minutes - off_minutes).as_interval("m")
    converted = ibis.ifelse(off.isnull() | (off == ""), local, shifted)
    return ibis.ifelse(matched.fill_null(False), converted, ibis.null("timestamp"))


def _clean(value: ir.StringValue) -> ir.StringValue:
    stripped = value.strip()
    return ibis.ifelse(stripped == "", ibis.null("string"), stripped)


def canonical_event(raw: ir.StringValue, pb: Playbook) -> ir.StringValue:
    aliases = {**{e: e for e in pb.events}, **pb.data.get("event_aliases", {})}
    return ibis.cases(*[(raw == k, v) for k, v in aliases.items()], else_=ibis.null("string"))


def normalize(raw: ir.Table, pb: Playbook, files: list[str]) -> ir.Table:
    """Typed columns + ``reason`` ('' for a good row). Duplicates are flagged on the later line."""
    zone = zone_offset_minutes(pb.timezone)
    t = raw.mutate(**{c: _clean(raw[c]) for c in CANONICAL})
    where = file_name(t.file_no, files) + ":" + t.line.cast("string")
    t = t.mutate(event_id=t.event_id.fill_null(where))
    parsed = t.mutate(
        ts_raw=t.ts,
        due_raw=t.due,
        event_raw=t.event,
        ts=parse_ts(t.ts, zone),
        due=parse_ts(t.due, zone),
        event=canonical_event(t.event, pb),
        amount=t.amount.try_cast("float64"),
        price=t.price.try_cast("float64"),
        amount_raw=t.amount,
        price_raw=t.price,
    )
    first = ibis.window(group_by=parsed.event_id, order_by=parsed.seq)
    p = parsed.mutate(
        _dup_rank=ibis.row_number().over(first),
        _first_at=file_name(parsed.file_no.first().over(first), files)
        + ":"
        + parsed.line.first().over(first).cast("string"),
    )
    channels = list(pb.data.get("channels", {}))
    checks: list[tuple[ir.BooleanValue, ir.StringValue | str]] = [
        (p.ts_raw.isnull(), "missing ts: every row needs a time"),
        (p.ts_raw.notnull() & p.ts.isnull(), "unparsable ts '" + p.ts_raw + "': " + TS_HINT),
        (p.customer_id.isnull(), "missing customer_id"),
        (p.event_raw.isnull(), "missing event"),
        (p.event_raw.notnull() & p.event.isnull(), "unknown event '" + p.event_raw + "'"),
        (p.due_raw.notnull() & p.due.isnull(), "unparsable due '" + p.due_raw + "': " + TS_HINT),
        (
            p.amount_raw.notnull() & p.amount.isnull(),
            "amount '" + p.amount_raw + "' is not a number",
        ),
        (p.price_raw.notnull() & p.price.isnull(), "price '" + p.price_raw + "' is not a number"),
        (
            p.channel.notnull() & ~p.channel.isin(channels),
            "unknown channel '" + p.channel + "' (known: " + ", ".join(channels) + ")",
        ),
        (p._dup_rank > 0, "duplicate event_id '" + p.event_id + "' (first at " + p._first_at + ")"),
    ]
    reason: ir.StringValue = ibis.literal("")
    for cond, text in checks:
        piece = ibis.literal(text) if isinstance(text, str) else text
        reason = reason + ibis.ifelse(cond.fill_null(False), piece + "; ", "")
    # Raw copies are only needed for the reason text: not kept, to keep the cached table lean.
    return p.mutate(reason=reason).drop(
        "_dup_rank", "_first_at", "amount_raw", "price_raw", "due_raw", "ts_raw", "event_raw"
    )
