"""Outcomes of the engine and of the reference reduced to comparable keys, and their diff."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.reference.events import Outcome
from tests.reference.kinds import COMPARED

FIELDS = (
    "rule",
    "status",
    "customer_id",
    "event_id",
    "ts",
    "ref_ts",
    "deadline",
    "detail",
    "count",
    "agent_id",
    "channel",
)


def _naive(value: Any, tz: str) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(ZoneInfo(tz)).replace(tzinfo=None)
    return value


def reference_rows(outcomes: Iterable[Outcome]) -> list[dict[str, Any]]:
    return [{k: v for k, v in asdict(o).items() if k in FIELDS} for o in outcomes]


def engine_rows(table: Any, tz: str = "Asia/Shanghai") -> list[dict[str, Any]]:
    """Rows of the engine's pyarrow outcome table, times as naive local datetimes."""
    return [{k: _naive(row.get(k), tz) for k in FIELDS} for row in table.to_pylist()]


def key(row: Mapping[str, Any], kind: str) -> tuple[Any, ...]:
    """(rule, status, customer_id, event_id, ts, agent_id, channel) plus the fields the kind
    defines: the attribution is compared for every kind."""
    base: tuple[Any, ...] = (
        row["rule"],
        row["status"],
        row["customer_id"],
        row["event_id"],
        row["ts"],
        row["agent_id"],
        row["channel"],
    )
    extras = tuple(
        (name, row[name])
        for name, only_bad in COMPARED.get(kind, ())
        if not only_bad or row["status"] == "violation"
    )
    return base + extras


def diff(
    engine: list[dict[str, Any]], reference: list[dict[str, Any]], kinds: Mapping[str, str]
) -> str:
    """Empty when both sides hold the same outcomes (as multisets); else a readable listing."""
    left = sorted((key(r, kinds[r["rule"]]) for r in engine), key=repr)
    right = sorted((key(r, kinds[r["rule"]]) for r in reference), key=repr)
    if left == right:
        return ""
    only_e = [k for k in left if k not in right or left.count(k) > right.count(k)]
    only_r = [k for k in right if k not in left or right.count(k) > left.count(k)]
    lines = ["engine only:", *map(repr, only_e), "reference only:", *map(repr, only_r)]
    return "\n".join(lines)
