"""The committed schema is the generated one; every rule kind documents itself, and every
seed rule's example logs behave as documented when the engine runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from checker.engine.audit import evaluate_outcomes
from checker.engine.playbook_schema import schema_text
from checker.engine.registry import get_kind, kinds
from checker.paths import schema_dir
from checker.playbook import load_playbook
from checker.playbook.model import Playbook

SEED = load_playbook()


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = (schema_dir() / "playbook.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text()
    rule = json.loads(committed)["properties"]["rules"]["additionalProperties"]
    assert rule["properties"]["kind"]["enum"] == list(kinds())


@pytest.mark.parametrize("name", list(kinds()))
def test_every_kind_documents_itself(name: str) -> None:
    kind = kinds()[name]
    assert kind.summary["zh"].strip() and kind.summary["en"].strip()
    assert len(kind.semantics) > 40
    assert kind.params_schema["type"] == "object" and kind.params_schema["properties"]
    assert callable(kind.example)


def test_every_kind_is_used_by_a_seed_rule() -> None:
    # (a rule switched off in the seed, like the call centre's quota, still shows its kind)
    assert {r.kind for r in SEED.all_rules} == set(kinds())


def _segments(params: Any) -> list[str]:
    if isinstance(params, dict):
        found = list(params.get("segments") or [])
        return found + [s for v in params.values() for s in _segments(v)]
    return []


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    columns = sorted({k for row in rows for k in row})
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _customers(path: Path, rule_params: dict, bad: list, good: list) -> Path | None:
    """The tier a segment-scoped rule needs; for birthdays, the day of the compliant log's
    greeting (the one event only the compliant snippet has)."""
    tier = (_segments(rule_params) or [""])[0]
    extra = [r for r in good if r not in bad]
    birthday = extra[0]["ts"][5:10] if rule_params.get("occasion") == "birthday" else ""
    if not tier and not birthday:
        return None
    ids = sorted({r["customer_id"] for r in [*bad, *good]})
    lines = ["customer_id,birthday,tier", *(f"{c},{birthday},{tier}" for c in ids)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


RULE_IDS = [r.id for r in SEED.all_rules]  # the switched-off ones are run switched on


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_the_rule_examples_violate_and_comply(rule_id: str, tmp_path: Path) -> None:
    rule = SEED.rule(rule_id)
    bad, good = get_kind(rule.kind).example(rule, SEED)
    # Rules are evaluated independently: a playbook holding only this rule runs faster.
    only = Playbook(
        data={**SEED.data, "rules": {rule_id: {**SEED.data["rules"][rule_id], "enabled": True}}},
        positions=SEED.positions,
        sources=SEED.sources,
    )
    customers = _customers(tmp_path / "customers.csv", rule.params, bad, good)
    counts = {}
    for name, rows in {"bad": bad, "good": good}.items():
        table = evaluate_outcomes(
            [_write(tmp_path / f"{name}.csv", rows)], only, customers=customers
        )
        statuses = [o["status"] for o in table.to_pylist() if o["rule"] == rule_id]
        counts[name] = (statuses.count("violation"), len(statuses))
    assert counts["bad"][0] >= 1, counts
    assert counts["good"] == (0, counts["good"][1]) and counts["good"][1] >= 1, counts
