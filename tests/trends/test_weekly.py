"""Weekly trends against a direct count: a small log (by hand, and every rule's outcomes
counted per week in Python) and the bundled demo (each week's counts add up to the summary).

The direct count reads every outcome (`evaluate_outcomes`: one plain query per pass, not the
aggregate the report's counts come from) and puts each in the ISO week (Monday) of its
``ts``, the time of its own event or, for a period, the period's start."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main
from checker.engine.audit import evaluate_outcomes
from checker.playbook import load_playbook
from checker.trends.weekly import week_range

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
HEADER = "event_id,ts,customer_id,event,channel,agent_id,order_id,amount\n"
# Greetings (cadence.greeting: a greeting 1 hour to 2 days after a purchase) over March
# 2025: week 03-03 one greeted and one not, week 03-10 nothing, week 03-17 one greeted and
# one not (c5), week 03-24 a purchase on Sunday 03-30 (its Monday: 03-24) whose greeting is
# not due yet. c1, c2 and c5 first appear in week 03-03, before keep-in-touch's period (20 days
# before the as-of: from 03-11 12:00), so their first silences start, and count, in 03-10.
LOG = """\
e01,2025-03-03 10:00:00,c1,purchase,store,kf01,o1,100
e02,2025-03-04 10:00:00,c1,greeting,wechat,kf01,,
e03,2025-03-05 10:00:00,c2,purchase,store,kf02,o2,80
e04,2025-03-03 11:00:00,c5,reply,wechat,,,
e05,2025-03-18 10:00:00,c3,purchase,store,kf01,o3,60
e06,2025-03-19 10:00:00,c3,greeting,wechat,kf01,,
e07,2025-03-18 15:00:00,c5,purchase,store,kf02,o5,90
e08,2025-03-30 10:00:00,c4,purchase,store,kf02,o4,120
"""
AS_OF = "2025-03-31 12:00:00"
PLAYBOOK = "extends: seed\nrules:\n  cadence.keep-in-touch:\n    params: {period: 20d}\n"


def monday(ts: datetime) -> str:
    return (ts.date() - timedelta(days=ts.weekday())).isoformat()


def direct(
    logs: list[Path], playbook: Path | None, as_of: str | None, customers: Path | None = None
) -> dict[str, Counter]:
    """rule -> Counter of (week, status) over every outcome, counted in Python."""
    pb = load_playbook(playbook)
    when = datetime.fromisoformat(as_of) if as_of else None
    outcomes = evaluate_outcomes(logs, pb, customers=customers, as_of=when).to_pylist()
    out: dict[str, Counter] = {}
    for o in outcomes:
        out.setdefault(o["rule"], Counter())[(monday(o["ts"]), o["status"])] += 1
    return out


def as_cells(counted: Counter, weeks: list[str]) -> list[tuple[int, int, int]]:
    return [
        (
            sum(counted[(w, s)] for s in ("ok", "violation", "pending")),
            counted[(w, "violation")],
            counted[(w, "pending")],
        )
        for w in weeks
    ]


def cells(series: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    return [(c["opportunities"], c["violations"], c["pending"]) for c in series]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path, Path]:
    """The small log's trends, its file and its playbook's folder: audited once for the
    tests that read them."""
    tmp_path = tmp_path_factory.mktemp("small")
    log = tmp_path / "events.csv"
    log.write_text(HEADER + LOG, encoding="utf-8")
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "playbook.yaml").write_text(PLAYBOOK, encoding="utf-8")
    out = tmp_path / "report.json"
    args = ["--playbook", folder, "--as-of", AS_OF, "--format", "json", "-o", out]
    assert main(["check", str(log), *map(str, args), "--fail-on", "never"]) == 0
    return json.loads(out.read_text(encoding="utf-8"))["trends"], log, folder


def test_greetings_by_week_by_hand(small: tuple[dict[str, Any], Path, Path]) -> None:
    trends, _, _ = small
    assert trends["weeks"] == ["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31"]
    greeting = trends["rules"]["cadence.greeting"]
    assert cells(greeting) == [(2, 1, 0), (0, 0, 0), (2, 1, 0), (1, 0, 1), (0, 0, 0)]
    assert [c["compliance"] for c in greeting] == [0.5, None, 0.5, 1.0, None]
    # the month-end call-back's occasion is the last day of March, in week 03-31
    assert trends["rules"]["cadence.month-end-callback"][-1]["opportunities"] >= 1
    assert [c["week"] for c in greeting] == trends["weeks"]


def test_a_period_counts_in_the_week_it_starts(small: tuple[dict[str, Any], Path, Path]) -> None:
    """c1's, c2's and c5's first silences start at the period's start (03-11), not at
    their first events (week 03-03): the rows' own week is not the outcome's."""
    trends, _, _ = small
    touch = trends["rules"]["cadence.keep-in-touch"]
    assert [c["opportunities"] for c in touch[:2]] == [0, 3]
    assert trends["principles"]["graceful-close"][1]["opportunities"] >= 1


def test_every_rule_and_principle_equals_a_direct_count(
    small: tuple[dict[str, Any], Path, Path],
) -> None:
    trends, log, folder = small
    counted = direct([log], folder, AS_OF)
    weeks = trends["weeks"]
    pb = load_playbook(folder)
    assert set(trends["rules"]) == {r.id for r in pb.rules}
    for rule in pb.rules:
        assert cells(trends["rules"][rule.id]) == as_cells(counted.get(rule.id, Counter()), weeks)
    for pid, series in trends["principles"].items():
        mine = sum(
            (counted.get(r.id, Counter()) for r in pb.rules if r.principle == pid), Counter()
        )
        assert cells(series) == as_cells(mine, weeks), pid


def test_demo_weeks_equal_a_direct_count_and_add_up_to_the_summary(
    tmp_path: Path, cli: Callable
) -> None:
    out = tmp_path / "demo.json"
    args = ["--customers", DEMO / "customers.csv", "--format", "json", "-o", out]
    assert cli("check", DEMO / "events.csv", *args, "--fail-on", "never")[0] == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    trends, summary = doc["trends"], doc["summary"]
    first, last = date.fromisoformat(trends["weeks"][0]), date.fromisoformat(trends["weeks"][-1])
    assert trends["weeks"] == [w.isoformat() for w in week_range(first, last)]
    assert len(trends["weeks"]) == 53  # the demo's year: 2024-07-01 to 2025-06-30
    for rule, s in summary.items():
        totals = [sum(c[k] for c in trends["rules"][rule]) for k in COUNTS]
        assert totals == [s[k] for k in COUNTS], rule
    for pid, series in trends["principles"].items():
        rules = [s for s in summary.values() if s["principle"] == pid]
        assert [sum(c[k] for c in series) for k in COUNTS] == [
            sum(s[k] for s in rules) for k in COUNTS
        ]
    counted = direct([DEMO / "events.csv"], None, None, DEMO / "customers.csv")
    for rule, series in trends["rules"].items():
        assert cells(series) == as_cells(counted.get(rule, Counter()), trends["weeks"]), rule


COUNTS = ("opportunities", "violations", "pending")


def test_week_range_fills_the_gaps_from_monday_to_monday() -> None:
    assert week_range(date(2025, 3, 5), date(2025, 3, 30)) == [
        date(2025, 3, 3),
        date(2025, 3, 10),
        date(2025, 3, 17),
        date(2025, 3, 24),
    ]
    assert week_range(date(2025, 3, 3), date(2025, 3, 3)) == [date(2025, 3, 3)]
