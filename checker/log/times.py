"""Times as a log writes them -> timestamps in the playbook's zone (Ibis expressions)."""

from __future__ import annotations

from datetime import datetime

import ibis
import ibis.expr.types as ir

from checker.log.stages import stage
from checker.log.zone_offsets import edge_offsets, to_zone

# Fixed patterns (never from a playbook); DuckDB evaluates them with RE2 (linear time).
# Trailing whitespace is allowed: time columns are only trimmed at their start (see
# `checker.log.normalize._clean`).
TS_PATTERN = (
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)"
    r" ?(Z|[+-][0-9]{2}:?[0-9]{2})?[ \t\n\r\v\f]*$"
)
TS_HINT = "write YYYY-MM-DD HH:MM[:SS] or ISO 8601 such as 2025-03-03T10:00:00+08:00"
TS_RANGE_HINT = (
    "no such date, an offset beyond ±18:00 (or minutes past 59), or a time outside years "
    "1-9999 once converted to the playbook's time zone: fix the date or the offset"
)


# Offsets a time may carry: at most 18 hours either way (what ISO 8601 parsers and Spark
# accept; every real zone is within 14).
MAX_OFFSET_MINUTES = 18 * 60
# The times a report can show: years 1-9999 (Python's datetime, Arrow's conversions).
EARLIEST = datetime(1, 1, 1)
LATEST = datetime(9999, 12, 31, 23, 59, 59, 999999)


def parse_times(t: ir.Table, columns: dict[str, str], tz: str) -> ir.Table:
    """``t`` with each text column of ``columns`` (text -> out) parsed into its out column:
    local wall-clock time in the playbook zone ``tz``; NULL when the text is not a valid time
    (no such date, an offset past ±18:00 or with minutes past 59, or a time that leaves years
    1-9999 once converted).

    Plain ``YYYY-MM-DD HH:MM[:SS]`` (almost every row) is cast directly; only the other forms
    (``T``, fractions, offsets) go through the pattern. DuckDB evaluates a CASE branch only for
    the rows that take it. A time with an offset is converted with the zone's offset at that
    instant (`checker.log.zone_offsets`), so daylight saving is right on both sides.

    Worked out in three steps, each a projection of its own (`checker.log.stages.stage`):
    the pattern's pieces, then the instant in UTC, then the time. In one projection, every
    use of a piece would repeat the whole expression that makes it (a use of the UTC
    instant, the pattern's extraction and the text's cleaning each time): a query some
    hundred kilobytes long that costs more to compile than a small log costs to audit.
    """
    pieces: dict[str, ir.Value] = {}
    instants: dict[str, ir.Value] = {}
    times: dict[str, ir.Value] = {}
    for text, out in columns.items():
        pieces.update(_pieces(t[text], f"_{out}"))
    s = stage(t.mutate(**pieces))
    for out in columns.values():
        instants.update(_instant(s, f"_{out}"))
    u = stage(s.mutate(**instants))
    for text, out in columns.items():
        times[out] = _time(u, u[text], f"_{out}", tz)
    helpers = [*pieces, *instants]
    return u.mutate(**times).drop(*helpers)


def _pieces(text: ir.StringValue, p: str) -> dict[str, ir.Value]:
    """Whether ``text`` is plain, and the pattern's pieces where it is not (a CASE: the
    pattern runs only for the rows that are not plain)."""
    # Two LIKE patterns (one pass over a few bytes each) rather than a length and several
    # substrings; what they let through that is not a time, the cast turns into NULL. Year
    # 0000 passes them and casts (to 1 BC): it is told by its first characters.
    plain = (text.like("____-__-__ __:__:__") | text.like("____-__-__ __:__")) & ~text.startswith(
        "0000"
    )

    def unless_plain(value: ir.Value) -> ir.Value:
        return ibis.ifelse(plain, ibis.null(value.type()), value)

    return {
        f"{p}_plain": plain,
        f"{p}_matched": unless_plain(text.re_search(TS_PATTERN)),
        f"{p}_local": unless_plain(
            (text.re_extract(TS_PATTERN, 1) + " " + text.re_extract(TS_PATTERN, 2)).try_cast(
                "timestamp"
            )
        ),
        f"{p}_off": unless_plain(text.re_extract(TS_PATTERN, 5)),
    }


def _instant(s: ir.Table, p: str) -> dict[str, ir.Value]:
    """The UTC instant of a time with an offset, and whether the offset is one."""
    off = s[f"{p}_off"]
    sign = ibis.ifelse(off.startswith("-"), -1, 1)
    digits = off.replace(":", "")
    hours = digits.substr(1, 2).try_cast("int64")
    minutes = digits.substr(3, 2).try_cast("int64")
    good_offset = (off == "Z") | ((minutes < 60) & (hours * 60 + minutes <= MAX_OFFSET_MINUTES))
    off_minutes = ibis.ifelse(off == "Z", 0, sign * (hours * 60 + minutes))
    return {
        f"{p}_utc": s[f"{p}_local"] - off_minutes.as_interval("m"),
        f"{p}_good_offset": good_offset,
        f"{p}_no_offset": off.isnull() | (off == ""),
    }


def _time(u: ir.Table, text: ir.StringValue, p: str, tz: str) -> ir.TimestampValue:
    """The time: the text cast when it is plain, else from the pattern's pieces when they
    make a time within years 1-9999 once converted (told from the UTC instant and the zone's
    offsets at those ends)."""
    local, utc, no_offset = u[f"{p}_local"], u[f"{p}_utc"], u[f"{p}_no_offset"]
    first, last = edge_offsets(tz)
    earliest, latest = (ibis.literal(t, type="timestamp") for t in (EARLIEST, LATEST))
    in_range = ibis.ifelse(
        no_offset,
        local >= earliest,
        u[f"{p}_good_offset"]
        & (utc + ibis.interval(seconds=first) >= earliest)
        & (utc + ibis.interval(seconds=last) <= latest),
    )
    # A NULL text makes both tests NULL, which a CASE treats as false: no COALESCE needed.
    return ibis.cases(
        (u[f"{p}_plain"], text.try_cast("timestamp")),
        (u[f"{p}_matched"] & in_range, ibis.ifelse(no_offset, local, to_zone(utc, tz))),
        else_=ibis.null("timestamp"),
    )
