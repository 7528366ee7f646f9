"""A rule case moved in time to the shared audit end of the Spark runs
(`tests.spark.case_batches`) still finds what its case file expects, moved the same way:
the move keeps every boundary the case tests."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.rules.case_runs import case_playbook, check_case, engine_outcomes
from tests.spark.case_batches import END, every_case, move, moved

MOVED = [
    pytest.param(case, by, id=f"{kind}:{case['name']}")
    for kind, _, case in every_case()
    if (by := move(kind, case)) is not None
]


def test_the_cases_with_their_own_end_are_mostly_moved() -> None:
    own_end = [case for _, _, case in every_case() if case.get("as_of") is not None]
    assert len(MOVED) >= len(own_end) - 3 and len(MOVED) > 10


@pytest.mark.parametrize(("case", "by"), MOVED)
def test_a_moved_case_finds_what_its_file_expects(
    case: dict[str, Any],
    by: timedelta,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    later = moved(case, by)
    assert later["as_of"] == END.strftime("%Y-%m-%d %H:%M:%S") and by.total_seconds() > 0
    check_case(later, engine_outcomes(later, case_playbook(later, tmp_path_factory), tmp_path))
