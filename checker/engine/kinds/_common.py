"""Pieces every kind shares: parameter schema fragments, labels, example rows."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from checker.durations import DURATION_PATTERN, parse_duration
from checker.playbook.model import Playbook
from checker.playbook.text import humanize_value

DURATION = {"type": "string", "pattern": DURATION_PATTERN}
EVENT_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
SEGMENT_LIST = {"type": "array", "items": {"type": "string"}}
EVENT_FILTER = {
    "type": "object",
    "additionalProperties": False,
    "required": ["events"],
    "properties": {
        "events": EVENT_LIST,
        "channels": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "outbound": {"type": "boolean"},
        "segments": SEGMENT_LIST,
        "min_amount": {"type": "number", "minimum": 0},
    },
}
LOG_FIELDS = ["agent_id", "channel", "order_id", "product", "text", "ref", "due", "amount", "price"]


def params_schema(required: list[str], **properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


def t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


@lru_cache(maxsize=1024)
def dur(value: str, lang: str) -> str:
    return humanize_value(value, lang)


# label() runs for every finding: memoised per playbook document (checked by identity, so
# two playbooks in one process never share an entry).
_LABELS: dict[tuple[str, str, int], tuple[object, str]] = {}


def label(spec: dict[str, Any] | None, pb: Playbook, lang: str) -> str:
    """``purchase (store)`` / ``购买（门店）``: a filter as words."""
    if not spec:
        return ""
    key = (json.dumps(spec, sort_keys=True), lang, id(pb.data))
    hit = _LABELS.get(key)
    if hit is not None and hit[0] is pb.data:
        return hit[1]
    text = _label(spec, pb, lang)
    if len(_LABELS) > 4096:
        _LABELS.clear()
    _LABELS[key] = (pb.data, text)
    return text


def _label(spec: dict[str, Any], pb: Playbook, lang: str) -> str:
    names = [pb.event_label(e, lang) for e in pb.expand(spec.get("events", []))]
    if len(names) > 4:
        groups = [s[1:] for s in spec.get("events", []) if s.startswith("@")]
        names = [_group_label(g, lang) for g in groups] or names
    text = ("、" if lang == "zh" else " or ").join(names)
    quals = []
    if spec.get("channels"):
        chans = pb.data.get("channels", {})
        quals += [chans.get(c, {}).get(lang, c) for c in spec["channels"]]
    if spec.get("outbound"):
        quals.append(t(lang, "主动远程联系", "outbound"))
    if spec.get("segments"):
        quals += segment_names(spec["segments"], pb, lang)
    if spec.get("min_amount") is not None:
        quals.append(t(lang, f"金额≥{spec['min_amount']:,}", f"amount ≥ {spec['min_amount']:,}"))
    if quals:
        text += t(lang, "（" + "，".join(quals) + "）", " (" + ", ".join(quals) + ")")
    return text


def segment_names(segments: list[str], pb: Playbook, lang: str) -> list[str]:
    """The playbook's names of segments (``vip`` -> ``VIP 客户``), the id when it has none."""
    names = pb.data.get("segments", {})
    return [names.get(s, {}).get(lang, s) for s in segments]


def segment_list(segments: list[str], pb: Playbook, lang: str) -> str:
    """Segments as one phrase: ``VIP、老客`` / ``VIP/regular``."""
    return ("、" if lang == "zh" else "/").join(segment_names(segments, pb, lang))


_GROUPS = {
    "marketing": ("营销", "marketing"),
    "care": ("关怀", "care"),
    "shop": ("店铺操作", "shop action"),
    "service": ("服务", "service"),
    "customer": ("客户行为", "customer action"),
    "commitment": ("承诺", "commitment"),
}


def _group_label(group: str, lang: str) -> str:
    zh, en = _GROUPS.get(group, (group, group))
    return t(lang, zh, en)


# --- examples: small, valid log snippets built from the live parameters ---------------------

BASE_TS = datetime(2025, 3, 3, 10, 0, 0)


def first_event(pb: Playbook, spec: dict[str, Any] | None) -> str:
    names = pb.expand((spec or {}).get("events", ["care"]))
    return names[0] if names else "care"


def example_event(
    pb: Playbook, spec: dict[str, Any] | None, at: datetime, n: int, **extra: str
) -> dict[str, str]:
    """One example row that satisfies the filter ``spec``."""
    event = first_event(pb, spec)
    actor = pb.events.get(event, {}).get("actor", "shop")
    spec = spec or {}
    channel = (spec.get("channels") or ["wechat" if actor == "shop" else "im"])[0]
    row = {
        "event_id": f"E{n:03d}",
        "ts": at.strftime("%Y-%m-%d %H:%M:%S"),
        "customer_id": "C001",
        "event": event,
        "channel": channel,
    }
    if actor == "shop":
        row["agent_id"] = "kf01"
    if spec.get("min_amount") is not None:
        row["amount"] = f"{float(spec['min_amount']):g}"
    row.update(extra)
    return row


def seconds(value: str) -> timedelta:
    return parse_duration(value)
