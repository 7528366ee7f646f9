"""Which rules share a pass (`checker.engine.plan`): the cost model's choices, and that no
choice changes a finding."""

from __future__ import annotations

import pytest

from checker.engine import evaluate, plan
from checker.engine.audit import run_engine
from checker.engine.backends.duckdb import duckdb_session
from checker.playbook import Playbook
from checker.playbook.load import load_playbook
from tests.engine.conftest import DEMO, demo_prepared

TOTAL = 1_000_000


def test_rules_reading_the_same_big_set_share_a_pass() -> None:
    """Three rules that each read 300k marketing rows plus a few of their own: one pass."""
    counts = {0b111: 300_000.0, 0b001: 5_000.0, 0b010: 3_000.0, 0b100: 4_000.0}
    assert plan.share(counts, [1, 1, 2], TOTAL) == [[0, 1, 2]]


def test_rules_reading_different_sets_keep_their_own_passes() -> None:
    """Two rules that share a few rows and each read many of their own: not shared."""
    counts = {0b11: 80_000.0, 0b01: 400_000.0, 0b10: 400_000.0}
    assert plan.share(counts, [1, 1], TOTAL) == [[0], [1]]


def test_small_passes_merge_when_a_scan_costs_more_than_their_windows() -> None:
    counts = {0b01: 1_000.0, 0b10: 1_000.0}
    assert plan.share(counts, [3, 3], TOTAL) == [[0, 1]]


def test_a_pass_costs_a_scan_plus_its_rows_times_their_windows() -> None:
    counts = {0b01: 10.0, 0b11: 20.0, 0b10: 40.0}
    assert plan.cost(0b01, counts, [2, 1], 100) == pytest.approx(
        plan.SCAN * 100 + 30 * (plan.SORT + 2 * plan.WINDOW)
    )
    assert plan.cost(0b11, counts, [2, 1], 100) == pytest.approx(
        plan.SCAN * 100 + 70 * (plan.SORT + 3 * plan.WINDOW)
    )


def test_counts_are_restricted_to_a_group_and_renumbered() -> None:
    counts = {0b1011: 5.0, 0b0100: 7.0, 0b1000: 1.0, 0b0001: 2.0}
    assert plan.restrict(counts, [1, 3]) == {0b11: 5.0, 0b10: 1.0}


@pytest.fixture(scope="module")
def seed() -> Playbook:
    return load_playbook()


def test_the_demo_log_is_counted_and_split(seed: Playbook, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled demo, planned as a large log would be: the planner splits the rules that
    order rows alike into more than one pass and fewer passes than rules (so the comparisons
    below compare real choices)."""
    monkeypatch.setattr(plan, "SMALL_LOG", 0)
    with demo_prepared(seed) as prep:
        planned = evaluate.passes(prep, seed, seed.rules)
        unplanned = evaluate.window_tables(
            prep.events,
            [r for p in planned[1:] for r, _ in p.outcomes],
            evaluate.context(prep, seed, seed.rules),
        )
    assert len(unplanned) < len(planned) - 1 < len(seed.rules)


def test_a_small_log_is_not_counted_and_its_alike_rules_share_a_pass(
    seed: Playbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's 3,000 rows are a small log: no count query (it would fail here), and the
    rules that order rows alike share one pass each ordering."""
    assert plan.SMALL_LOG >= 3_000

    def no_count(*_: object) -> dict[int, float]:
        raise AssertionError("a small log was counted")

    monkeypatch.setattr(plan, "row_counts", no_count)
    with demo_prepared(seed) as prep:
        small = evaluate.passes(prep, seed, seed.rules)
        ctx = evaluate.context(prep, seed, seed.rules)
        windowed = [r for p in small[1:] for r, _ in p.outcomes]
        one_per_ordering = evaluate.window_tables(prep.events, windowed, ctx)
    assert len(small) - 1 == len(one_per_ordering)


def _audit(seed: Playbook) -> tuple[list[dict], list[dict]]:
    with duckdb_session() as (con, workdir):
        result = run_engine(
            con, workdir, [DEMO / "events.csv"], seed, customers=DEMO / "customers.csv"
        )
    keys = [("rule", "ascending"), ("status", "ascending")]
    counts = result.counts.group_by(["rule", "status"]).aggregate([("n", "sum")]).sort_by(keys)
    found = result.findings.read_all()
    every = [(name, "ascending") for name in found.column_names]
    return counts.to_pylist(), found.sort_by(every).to_pylist()


@pytest.mark.parametrize(
    "forced", ["one pass per ordering", "one pass per rule", "a small log, not planned"]
)
def test_no_plan_changes_a_finding(
    seed: Playbook, monkeypatch: pytest.MonkeyPatch, forced: str
) -> None:
    monkeypatch.setattr(plan, "SMALL_LOG", 0)  # the demo planned as a large log
    planned = _audit(seed)
    assert planned[0] and planned[1]
    if forced == "one pass per ordering":
        monkeypatch.setattr(
            plan, "share", lambda counts, windows, total: [list(range(len(windows)))]
        )
    elif forced == "one pass per rule":
        monkeypatch.setattr(
            plan, "share", lambda counts, windows, total: [[i] for i in range(len(windows))]
        )
    else:
        monkeypatch.setattr(plan, "SMALL_LOG", 10**9)
    assert _audit(seed) == planned
