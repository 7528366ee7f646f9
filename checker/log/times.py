"""Times as a log writes them -> timestamps in the playbook's zone (Ibis expressions)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import ibis
import ibis.expr.types as ir

# Fixed patterns (never from a playbook); DuckDB evaluates them with RE2 (linear time).
# Trailing whitespace is allowed: time columns are only trimmed at their start (see
# `checker.log.normalize._clean`).
TS_PATTERN = (
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)"
    r" ?(Z|[+-][0-9]{2}:?[0-9]{2})?[ \t\n\r\v\f]*$"
)
TS_HINT = "write YYYY-MM-DD HH:MM[:SS] or ISO 8601 such as 2025-03-03T10:00:00+08:00"


def zone_offset_minutes(tz: str) -> int:
    """The playbook zone's UTC offset (zones with daylight saving use today's offset)."""
    offset = ZoneInfo(tz).utcoffset(datetime.now())
    return int(offset.total_seconds() // 60) if offset else 0


def parse_ts(text: ir.StringValue, zone_minutes: int) -> ir.TimestampValue:
    """Local wall-clock time in the playbook zone; NULL when ``text`` is not a valid time.

    Plain ``YYYY-MM-DD HH:MM[:SS]`` (almost every row) is cast directly; only the other forms
    (``T``, fractions, offsets) go through the pattern. DuckDB evaluates a CASE branch only for
    the rows that take it.
    """
    # Two LIKE patterns (one pass over a few bytes each) rather than a length and several
    # substrings; what they let through that is not a time, the cast turns into NULL.
    plain = text.like("____-__-__ __:__:__") | text.like("____-__-__ __:__")
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
    # A NULL text makes both tests NULL, which a CASE treats as false: no COALESCE needed.
    return ibis.cases(
        (plain, text.try_cast("timestamp")),
        (matched, converted),
        else_=ibis.null("timestamp"),
    )
