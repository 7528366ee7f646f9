"""The JSON report from ``--engine spark`` equals DuckDB's: on the bundled demo, on every
YAML rule case (batched into few runs, see `tests.spark.case_batches`: a Spark run costs
seconds), and on generated logs."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.kinds import case_files
from tests.reference.files import single_rule_overrides, write_customers, write_log, write_playbook
from tests.reference.strategies import Log, logs
from tests.spark.case_batches import batches, own
from tests.spark.conftest import same_reports

pytestmark = pytest.mark.spark

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
CASES = case_files()  # kind -> its rule cases


def test_the_demo(spark: Any, tmp_path: Path) -> None:
    duck = same_reports([DEMO / "events.csv", "--customers", DEMO / "customers.csv"], tmp_path)
    assert len(duck["findings"]) > 100  # the comparison is not of two empty reports


BATCHES = batches()


def test_every_rule_case_is_in_a_batch() -> None:
    counted = sum(len(yaml.safe_load(f.read_text())["cases"]) for f in CASES.values())
    assert sum(len(b) for b in BATCHES.values()) == counted > 80
    assert len(BATCHES) < 10  # the cases with their own audit end are mostly moved to `END`


@pytest.mark.parametrize("key", list(BATCHES), ids=[f"{p}@{a}" for p, a in BATCHES])
def test_the_rule_cases(spark: Any, tmp_path: Path, key: tuple[str, str]) -> None:
    cases = BATCHES[key]
    overrides = single_rule_overrides("case.0", "phrases", {"phrases": ["x"]}, json.loads(key[0]))
    rules = overrides["rules"]
    events: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    for tag, case in cases:
        rule = single_rule_overrides(f"case.{tag}", case["rule"]["kind"], case["rule"]["params"])
        rules[f"case.{tag}"] = rule["rules"][f"case.{tag}"]
        own_events, own_people = own(case, tag)
        events += own_events
        people += own_people
    del rules["case.0"]
    args: list[Any] = [write_log(events, tmp_path / "log.csv")]
    args += ["--playbook", write_playbook(tmp_path / "pb", overrides).parent]
    if people:
        args += ["--customers", write_customers(people, tmp_path / "customers.csv")]
    if key[1] != "None":
        args += ["--as-of", key[1]]
    same_reports(args, tmp_path)


SHOP = {"missing_channel_is_remote": False, "roster": ["a1", "007"]}


@settings(
    max_examples=2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(batch=st.lists(logs(), min_size=3, max_size=3), shop=st.booleans())
def test_generated_logs(spark: Any, batch: list[Log], shop: bool) -> None:
    """Three generated logs a run (as three files: customers and ids may meet across them),
    on the seed or on a shop's playbook."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        args: list[Any] = [
            write_log(log.rows, folder / f"log{i}.csv") for i, log in enumerate(batch)
        ]
        people = {c["customer_id"]: c for log in batch for c in log.customers}
        if people:
            args += ["--customers", write_customers(people.values(), folder / "c.csv")]
        if shop:
            args += ["--playbook", write_playbook(folder / "shop", SHOP).parent]
        if batch[0].as_of is not None:
            args += ["--as-of", batch[0].as_of.strftime("%Y-%m-%d %H:%M:%S")]
        same_reports(args, folder)
