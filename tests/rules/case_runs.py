"""Running one rule case (see `tests/rules/test_cases.py`): the seed playbook with only the
case's rule on, the case's events through the reference or the engine, and the check of the
outcomes against what the case expects. Shared by the rule-case tests and the moved cases
(`tests/rules/test_shifted_cases.py`)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from checker.engine.audit import evaluate_outcomes
from checker.playbook import Playbook
from tests.reference import evaluate
from tests.reference.compare import engine_rows
from tests.reference.events import parse_ts
from tests.reference.files import (
    cell,
    load,
    single_rule_overrides,
    write_customers,
    write_log,
    write_playbook,
)

RULE_ID = "test.case"
EXTRA_FIELDS = ("count", "ref_ts", "deadline")
ATTRIBUTION = ("agent_id", "channel")  # NULL is written `unassigned` in a case


def identity(item: dict[str, Any]) -> tuple[Any, ...]:
    """An event's finding is named by its id; a customer's by customer, time and detail."""
    if item.get("event_id") is not None:
        return (item["status"], str(item["event_id"]))
    return (item["status"], str(item["customer_id"]), cell(item.get("ts")), item.get("detail"))


def findings(outcomes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {k: cell(v) if k in ("ts", *EXTRA_FIELDS) and v is not None else v for k, v in o.items()}
        for o in outcomes
        if o["status"] != "ok"
    ]


def check_case(case: dict[str, Any], outcomes: list[dict[str, Any]]) -> None:
    found = findings(outcomes)
    expected = case.get("expect") or []
    assert Counter(map(identity, found)) == Counter(map(identity, expected)), (
        f"findings {sorted(map(identity, found))} != expected {sorted(map(identity, expected))}"
    )
    by_id = {identity(f): f for f in found}
    for item in expected:
        got = by_id[identity(item)]
        for name in ("detail", *EXTRA_FIELDS):
            if name in item:
                want = item[name] if name == "detail" else cell(item[name])
                assert got[name] == want, f"{name} of {identity(item)}: {got[name]} != {want}"
        for name in ATTRIBUTION:
            if name in item:
                value = got.get(name) or "unassigned"
                assert value == item[name], f"{name} of {identity(item)}: {value} != {item[name]}"
    assert len(outcomes) == case["opportunities"]


_PLAYBOOKS: dict[str, Playbook] = {}


def case_playbook(case: dict[str, Any], factory: pytest.TempPathFactory) -> Playbook:
    """The seed with only the case's rule on (loaded once per distinct rule and overrides)."""
    rule = case["rule"]
    overrides = single_rule_overrides(RULE_ID, rule["kind"], rule["params"], case.get("playbook"))
    cache_key = json.dumps(overrides, sort_keys=True, ensure_ascii=False)
    if cache_key not in _PLAYBOOKS:
        _PLAYBOOKS[cache_key] = load(write_playbook(factory.mktemp("playbook"), overrides))
    return _PLAYBOOKS[cache_key]


def reference_outcomes(case: dict[str, Any], playbook: Playbook) -> list[dict[str, Any]]:
    outcomes = evaluate(
        case["events"], playbook, customers=case.get("customers"), as_of=case.get("as_of")
    )
    return [vars(o) for o in outcomes if o.rule == RULE_ID]


def engine_outcomes(
    case: dict[str, Any], playbook: Playbook, tmp_path: Path
) -> list[dict[str, Any]]:
    log = write_log(case["events"], tmp_path / "log.csv")
    customers = None
    if case.get("customers"):
        customers = write_customers(case["customers"], tmp_path / "customers.csv")
    as_of = parse_ts(case["as_of"]) if case.get("as_of") else None
    table = evaluate_outcomes([log], playbook, customers=customers, as_of=as_of)
    return [r for r in engine_rows(table, playbook.timezone) if r["rule"] == RULE_ID]
