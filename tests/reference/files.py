"""Test inputs on disk: a log as CSV, a customers file, a playbook extending the seed."""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Collection, Iterable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from checker.playbook import Playbook, load_playbook
from tests.reference.events import FIELDS


def cell(value: Any) -> str:
    """A value as the CSV cell a shop's export would hold (times as ``YYYY-MM-DD HH:MM:SS``)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_log(rows: Iterable[Mapping[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(FIELDS)
        for row in rows:
            writer.writerow([cell(row.get(name)) for name in FIELDS])
    return path


def write_customers(rows: Iterable[Mapping[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["customer_id", "birthday", "tier"])
        for row in rows:
            writer.writerow([cell(row.get(k)) for k in ("customer_id", "birthday", "tier")])
    return path


@cache
def seed_rule_ids() -> list[str]:
    return sorted(load(None).data["rules"])


def seed_rules_off(kept: Collection[str] = ()) -> dict[str, Any]:
    """The ``rules`` overrides that switch every seed rule off but those in ``kept``."""
    return {rid: {"enabled": False} for rid in seed_rule_ids() if rid not in kept}


def load(path: Path | None) -> Playbook:
    """Load a playbook, validated when the validator exists (it is being written)."""
    validate = importlib.util.find_spec("checker.playbook.validate") is not None
    return load_playbook(path, validate=validate)


def write_playbook(folder: Path, overrides: Mapping[str, Any]) -> Path:
    """A shop playbook extending the seed with ``overrides`` (mappings deep-merge)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "playbook.yaml"
    path.write_text(
        yaml.safe_dump({"extends": "seed", **overrides}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return path


def single_rule_overrides(
    rule_id: str, kind: str, params: Mapping[str, Any], extra: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Overrides that switch every seed rule off and add one rule of ``kind``."""
    rules = seed_rules_off()
    rules[rule_id] = {
        "principle": "respect",
        "severity": "warning",
        "kind": kind,
        "params": dict(params),
        "title": {"zh": "测试规则", "en": "Test rule"},
        "message": {"zh": "测试规则的消息。", "en": "Message of the test rule."},
    }
    return {**(extra or {}), "rules": rules}
