"""Events and outcomes as plain dataclasses, and the event filter every rule kind uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from checker.log.columns import CANONICAL
from checker.playbook import Playbook

TS_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
FIELDS = CANONICAL


@dataclass(frozen=True)
class Event:
    seq: int
    event_id: str
    ts: datetime
    customer_id: str
    event: str
    channel: str | None = None
    agent_id: str | None = None
    order_id: str | None = None
    product: str | None = None
    amount: float | None = None
    price: float | None = None
    text: str | None = None
    ref: str | None = None
    due: datetime | None = None

    @property
    def key(self) -> tuple[datetime, int]:
        """The order of a customer's events: time, then input order."""
        return (self.ts, self.seq)


@dataclass(frozen=True)
class Outcome:
    rule: str
    status: str  # ok | violation | pending
    customer_id: str
    event_id: str | None = None
    ts: datetime | None = None
    ref_ts: datetime | None = None
    ref_id: str | None = None
    deadline: datetime | None = None
    detail: str | None = None
    count: int | None = None
    # Attribution: the agent and channel of the event that names the outcome (None: unassigned)
    agent_id: str | None = None
    channel: str | None = None


def parse_ts(value: Any, tz: str = "Asia/Shanghai") -> datetime | None:
    """A naive local time; ISO 8601 with an offset (``Z``, ``+08:00``) is converted to ``tz``."""
    if value is None or isinstance(value, datetime):
        return value
    text = str(value).strip()
    if not text:
        return None
    for fmt in TS_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a timestamp: {value!r}") from None
    if parsed.tzinfo is not None:
        offset = parsed.utcoffset()
        if offset is not None and abs(offset) > timedelta(hours=18):
            raise ValueError(f"offset beyond 18 hours: {value!r}")
        try:
            parsed = parsed.astimezone(ZoneInfo(tz)).replace(tzinfo=None)
        except OverflowError:
            raise ValueError(f"outside years 1-9999: {value!r}") from None
    if parsed.year == 0:
        raise ValueError(f"year 0: {value!r}")
    return parsed


def _text(value: Any) -> str | None:
    """Cells are trimmed and empty ones are nulls, as the log reader hands them to the audit."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value: Any) -> float | None:
    text = _text(value)
    return None if text is None else float(text)


def parse_events(rows: Iterable[Mapping[str, Any]], tz: str = "Asia/Shanghai") -> list[Event]:
    """Rows (strings as in a CSV file, or typed values) to events numbered in input order."""
    out = []
    for seq, row in enumerate(rows):
        ts = parse_ts(row["ts"], tz)
        if ts is None:
            raise ValueError(f"row {seq}: no ts")
        out.append(
            Event(
                seq=seq,
                event_id=str(row["event_id"]).strip(),
                ts=ts,
                customer_id=str(row["customer_id"]).strip(),
                event=str(row["event"]).strip(),
                channel=_text(row.get("channel")),
                agent_id=_text(row.get("agent_id")),
                order_id=_text(row.get("order_id")),
                product=_text(row.get("product")),
                amount=_number(row.get("amount")),
                price=_number(row.get("price")),
                text=_text(row.get("text")),
                ref=_text(row.get("ref")),
                due=parse_ts(_text(row.get("due")), tz),
            )
        )
    return out


def is_outbound(e: Event, playbook: Playbook) -> bool:
    """A shop event on a remote channel (or on no channel, when that counts as remote)."""
    if playbook.events.get(e.event, {}).get("actor") != "shop":
        return False
    if e.channel is None:
        return bool(playbook.data.get("missing_channel_is_remote", False))
    spec = playbook.data.get("channels", {}).get(e.channel)
    return bool(spec and spec.get("remote"))


def event_filter(
    spec: Mapping[str, Any] | None, playbook: Playbook, segments: Mapping[str, str | None]
) -> Callable[[Event], bool]:
    """The predicate of an event filter: events, channels, outbound, segments, min_amount."""
    spec = spec or {}
    names = set(playbook.expand(list(spec.get("events", []))))
    channels = spec.get("channels")
    outbound = spec.get("outbound", False)
    wanted_segments = spec.get("segments")
    min_amount = spec.get("min_amount")

    def match(e: Event) -> bool:
        if e.event not in names:
            return False
        if channels is not None and e.channel not in channels:
            return False
        if outbound and not is_outbound(e, playbook):
            return False
        if wanted_segments is not None and segments.get(e.customer_id) not in wanted_segments:
            return False
        return min_amount is None or (e.amount is not None and e.amount >= min_amount)

    return match
