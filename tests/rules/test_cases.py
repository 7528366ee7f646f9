"""Rule case files: events in, findings out, checked on the reference and on the engine.

Each kind's folder has its ``cases.yaml`` (``checker/engine/kinds/<kind>/``). A case gives
a rule (kind and params), optional playbook overrides, customers and ``as_of``, the
events, the expected violations and pending outcomes, and the number of opportunities
(outcomes of any status).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.engine.audit import evaluate_outcomes
from checker.engine.kinds import case_files
from checker.playbook import Playbook
from tests.reference import evaluate
from tests.reference.audit import KINDS
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

CASES = case_files()  # kind -> its folder's cases.yaml
RULE_ID = "test.case"
EXTRA_FIELDS = ("count", "ref_ts", "deadline")
ATTRIBUTION = ("agent_id", "channel")  # NULL is written `unassigned` in a case


def _load_cases() -> list[Any]:
    params = []
    for kind, file in CASES.items():
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            params.append(pytest.param(kind, case, id=f"{kind}:{case['name']}"))
    return params


ALL_CASES = _load_cases()


def _identity(item: dict[str, Any]) -> tuple[Any, ...]:
    """An event's finding is named by its id; a customer's by customer, time and detail."""
    if item.get("event_id") is not None:
        return (item["status"], str(item["event_id"]))
    return (item["status"], str(item["customer_id"]), cell(item.get("ts")), item.get("detail"))


def _findings(outcomes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {k: cell(v) if k in ("ts", *EXTRA_FIELDS) and v is not None else v for k, v in o.items()}
        for o in outcomes
        if o["status"] != "ok"
    ]


def _check(case: dict[str, Any], outcomes: list[dict[str, Any]]) -> None:
    found = _findings(outcomes)
    expected = case.get("expect") or []
    assert Counter(map(_identity, found)) == Counter(map(_identity, expected)), (
        f"findings {sorted(map(_identity, found))} != expected {sorted(map(_identity, expected))}"
    )
    by_id = {_identity(f): f for f in found}
    for item in expected:
        got = by_id[_identity(item)]
        for name in ("detail", *EXTRA_FIELDS):
            if name in item:
                want = item[name] if name == "detail" else cell(item[name])
                assert got[name] == want, f"{name} of {_identity(item)}: {got[name]} != {want}"
        for name in ATTRIBUTION:
            if name in item:
                value = got.get(name) or "unassigned"
                assert value == item[name], f"{name} of {_identity(item)}: {value} != {item[name]}"
    assert len(outcomes) == case["opportunities"]


_PLAYBOOKS: dict[str, Playbook] = {}


def _playbook(case: dict[str, Any], factory: pytest.TempPathFactory) -> Playbook:
    """The seed with only the case's rule on (loaded once per distinct rule and overrides)."""
    rule = case["rule"]
    overrides = single_rule_overrides(RULE_ID, rule["kind"], rule["params"], case.get("playbook"))
    cache_key = json.dumps(overrides, sort_keys=True, ensure_ascii=False)
    if cache_key not in _PLAYBOOKS:
        _PLAYBOOKS[cache_key] = load(write_playbook(factory.mktemp("playbook"), overrides))
    return _PLAYBOOKS[cache_key]


def _run_reference(case: dict[str, Any], playbook: Playbook) -> list[dict[str, Any]]:
    outcomes = evaluate(
        case["events"], playbook, customers=case.get("customers"), as_of=case.get("as_of")
    )
    return [vars(o) for o in outcomes if o.rule == RULE_ID]


def _run_engine(case: dict[str, Any], playbook: Playbook, tmp_path: Path) -> list[dict[str, Any]]:
    log = write_log(case["events"], tmp_path / "log.csv")
    customers = None
    if case.get("customers"):
        customers = write_customers(case["customers"], tmp_path / "customers.csv")
    as_of = parse_ts(case["as_of"]) if case.get("as_of") else None
    table = evaluate_outcomes([log], playbook, customers=customers, as_of=as_of)
    return [r for r in engine_rows(table, playbook.timezone) if r["rule"] == RULE_ID]


def test_one_file_per_kind() -> None:
    assert sorted(CASES) == sorted(KINDS)
    assert all(file.is_file() for file in CASES.values()), "a kind's folder lacks cases.yaml"


def test_every_kind_asserts_its_attribution() -> None:
    """Each kind's file pins the attributed agent and channel of some finding, and of an
    unassigned one where the kind has findings named by no event."""
    for file in CASES.values():
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
        asserted = [
            item
            for case in doc["cases"]
            for item in case.get("expect") or []
            if all(name in item for name in ATTRIBUTION)
        ]
        assert asserted, f"{file}: no case asserts a finding's agent_id and channel"


@pytest.mark.parametrize(("kind", "case"), ALL_CASES)
def test_reference(
    kind: str, case: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert case["rule"]["kind"] == kind
    _check(case, _run_reference(case, _playbook(case, tmp_path_factory)))


@pytest.mark.parametrize(("kind", "case"), ALL_CASES)
def test_engine(
    kind: str, case: dict[str, Any], tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert case["rule"]["kind"] == kind
    _check(case, _run_engine(case, _playbook(case, tmp_path_factory), tmp_path))
