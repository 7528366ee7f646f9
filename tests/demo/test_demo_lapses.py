"""Planted lapses: every seed rule has some, only blame texts blame, and the audit (engine and
reference implementation) finds exactly the planted lapses, no more and no fewer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import BUNDLED, local_ts, make_demo, read_rows, read_truth

from checker.demo import RULES, DemoSpec
from checker.demo.texts import TEXTS
from checker.engine.audit import evaluate_outcomes
from checker.playbook import load_playbook
from tests.reference.audit import evaluate as reference_evaluate

Key = tuple[str, str | None, str, str | None]


def _truth(folder: Path) -> Counter[Key]:
    return Counter(
        (t["rule"], t["event_id"], t["customer_id"], None if t["event_id"] else t.get("detail"))
        for t in read_truth(folder)
    )


def _engine(folder: Path) -> Counter[Key]:
    out = evaluate_outcomes(
        [folder / "events.csv"], load_playbook(), customers=folder / "customers.csv"
    ).to_pylist()
    return Counter(
        (o["rule"], o["event_id"], o["customer_id"], None if o["event_id"] else o["detail"])
        for o in out
        if o["status"] == "violation"
    )


def _explain(expected: Counter[Key], found: Counter[Key]) -> str:
    missing, extra = sorted(expected - found), sorted(found - expected)
    return f"missing {len(missing)}: {missing[:8]}; unplanted {len(extra)}: {extra[:8]}"


def test_demo_plants_lapses_of_every_seed_rule() -> None:
    seed_ids = sorted(r.id for r in load_playbook().rules)
    assert sorted(RULES) == seed_ids
    per_rule = Counter(t["rule"] for t in read_truth(BUNDLED))
    assert sorted(per_rule) == seed_ids
    events = len(read_rows(BUNDLED / "events.csv"))
    assert sum(per_rule.values()) < events * 0.2  # most service is compliant


def test_only_the_blame_texts_contain_blame_phrases() -> None:
    rule = next(r for r in load_playbook().rules if r.id == "respect.no-blame")
    phrases = [p.lower() for p in rule.params["phrases"]]
    for purpose, variants in TEXTS.items():
        for text in variants:
            blames = any(p in text.lower() for p in phrases)
            assert blames == (purpose == "blame"), text


@pytest.mark.parametrize("which", ["bundled", "chunked"])
def test_engine_finds_exactly_the_planted_lapses(which: str, chunked_demo: Path) -> None:
    folder = BUNDLED if which == "bundled" else chunked_demo
    expected, found = _truth(folder), _engine(folder)
    assert found == expected, _explain(expected, found)


def test_a_log_without_lapses_passes_the_audit(tmp_path: Path) -> None:
    folder = make_demo(tmp_path, DemoSpec(events=2500, seed=4, rate=0.0))
    assert read_truth(folder) == []
    found = _engine(folder)
    assert found == Counter(), _explain(Counter(), found)


def test_reference_implementation_agrees_on_the_bundled_demo() -> None:
    rows = read_rows(BUNDLED / "events.csv")
    for r in rows:  # the reference reads plain local times only
        r["ts"] = local_ts(r["ts"]).strftime("%Y-%m-%d %H:%M:%S")
    outcomes = reference_evaluate(
        rows, load_playbook(), customers=read_rows(BUNDLED / "customers.csv")
    )
    found = Counter(
        (o.rule, o.event_id, o.customer_id, None if o.event_id else o.detail)
        for o in outcomes
        if o.status == "violation"
    )
    expected = _truth(BUNDLED)
    assert found == expected, _explain(expected, found)
