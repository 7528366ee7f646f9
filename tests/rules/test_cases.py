"""Rule case files: events in, findings out, checked on the reference and on the engine.

Each kind's folder has its ``cases.yaml`` (``checker/engine/kinds/<kind>/``). A case gives
a rule (kind and params), optional playbook overrides, customers and ``as_of``, the
events, the expected violations and pending outcomes, and the number of opportunities
(outcomes of any status).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from checker.engine.kinds import case_files
from tests.reference.audit import KINDS
from tests.rules.case_runs import (
    ATTRIBUTION,
    case_playbook,
    check_case,
    engine_outcomes,
    reference_outcomes,
)

CASES = case_files()  # kind -> its folder's cases.yaml


def _load_cases() -> list[Any]:
    params = []
    for kind, file in CASES.items():
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            params.append(pytest.param(kind, case, id=f"{kind}:{case['name']}"))
    return params


ALL_CASES = _load_cases()


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
    check_case(case, reference_outcomes(case, case_playbook(case, tmp_path_factory)))


@pytest.mark.parametrize(("kind", "case"), ALL_CASES)
def test_engine(
    kind: str, case: dict[str, Any], tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert case["rule"]["kind"] == kind
    check_case(case, engine_outcomes(case, case_playbook(case, tmp_path_factory), tmp_path))
