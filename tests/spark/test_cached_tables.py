"""A cached table on Spark (`checker.engine.backends.spark_ibis`): in local mode a checkpoint,
whose plan is one leaf and whose rows go when the audit releases it; on a cluster or Spark
Connect a cached DataFrame, which keeps the plan it can compute its rows again from. Both
give DuckDB's report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ibis
import pytest

from checker.engine.backends import spark_ibis
from checker.engine.backends.spark_ibis import connect, local_master
from tests.reference.files import seed_rules_off, write_playbook
from tests.spark.conftest import same_reports

pytestmark = pytest.mark.spark


def _rdds_held(spark: Any) -> dict[int, Any]:
    """The RDDs whose blocks the session holds, by id."""
    return {info.id(): info for info in spark.sparkContext._jsc.sc().getRDDStorageInfo()}


def _analysed(spark: Any, name: str) -> str:
    return str(spark.table(name)._jdf.queryExecution().analyzed().toString())


@pytest.fixture
def numbers(spark: Any) -> Iterator[str]:
    name = "huitou_cache_test"
    spark.createDataFrame([(1,), (2,), (3,), (4,)], "x long").createOrReplaceTempView(name)
    yield name
    spark.catalog.dropTempView(name)


def _query(con: Any, numbers: str) -> ibis.Table:
    t = con.table(numbers)
    return t.filter(t.x > 1).mutate(y=t.x * 10)


def test_a_local_session_caches_as_a_checkpoint_and_frees_it(spark: Any, numbers: str) -> None:
    con = connect(spark)
    assert con.checkpoints
    query = _query(con, numbers)
    held = _rdds_held(spark)
    cached = con._cached_table(query)
    name = cached.get_name()
    plan = _analysed(spark, name)
    assert "LogicalRDD" in plan
    assert "Filter" not in plan  # the query that made it is not analysed again
    (stored,) = [info for rdd, info in _rdds_held(spark).items() if rdd not in held]
    assert stored.diskSize() > 0 == stored.memSize()  # computed now, on disk, not in the heap
    assert con.to_pyarrow(cached.order_by("x")).to_pydict() == {"x": [2, 3, 4], "y": [20, 30, 40]}
    cached.release()
    assert _rdds_held(spark).keys() == held.keys()
    assert not spark.catalog.tableExists(name)


def test_elsewhere_a_cached_table_is_a_cached_dataframe(spark: Any, numbers: str) -> None:
    con = connect(spark)
    con.checkpoints = False  # as `connect` sets it for a cluster's session
    query = _query(con, numbers)
    cached = con._cached_table(query)
    name = cached.get_name()
    assert spark.catalog.isCached(name)
    assert "Filter" in _analysed(spark, name)  # the lineage Spark recomputes lost rows from
    assert con.to_pyarrow(cached.order_by("x")).to_pydict() == {"x": [2, 3, 4], "y": [20, 30, 40]}
    cached.release()
    assert not spark.catalog.tableExists(name)


@pytest.mark.parametrize(
    ("master", "local"),
    [
        ("local", True),
        ("local[*]", True),
        ("local[2]", True),
        ("local[2,3]", True),  # with task retries: still one JVM
        ("local-cluster[2,1,1024]", False),  # executors in JVMs of their own
        ("yarn", False),
        ("spark://host:7077", False),
        ("k8s://https://host:443", False),
    ],
)
def test_only_local_mode_is_local(master: str, local: bool) -> None:
    assert local_master(master) is local


def test_a_cluster_s_cached_tables_give_the_same_report(
    spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An audit with cached DataFrames, as on a cluster, equals DuckDB's. One rule on a few
    rows: every cached table of an audit is made and read all the same (the full playbook's
    comparisons, in local mode, are in `tests.spark.test_same_report`)."""
    monkeypatch.setattr(spark_ibis, "is_local", lambda session: False)
    log = tmp_path / "events.csv"
    log.write_text(
        "event_id,ts,customer_id,event,channel,agent_id\n"
        "e1,2025-03-03 10:00:00,c1,purchase,store,a1\n"
        "e2,2025-03-04 10:00:00,c1,greeting,wechat,a1\n"
        "e3,2025-03-05 10:00:00,c2,purchase,store,a2\n"
        "e4,2025-03-12 10:00:00,c3,purchase,store,a2\n",
        encoding="utf-8",
    )
    playbook = write_playbook(tmp_path / "pb", {"rules": seed_rules_off(["cadence.greeting"])})
    duck = same_reports([log, "--playbook", playbook.parent], tmp_path)
    assert [f["status"] for f in duck["findings"]] == ["violation", "pending"]
