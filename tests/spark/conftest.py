"""One Spark session for the whole test run (starting one takes seconds): every test marked
``spark`` runs its audits on it (`checker.engine.backends.spark.spark_session` uses a session
already running and leaves it running). Skipped, with the reason, only without Java. Under
pytest-xdist the Spark tests share one worker, so one session (see `tests.worker_groups`)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main

SPARK_MASTER = "local[2]"
# The test session's JVM runs some fifteen small audits, thousands of tiny queries, on two
# cores shared with the other test worker: there its optimising (C2) compiler and G1's
# collector threads cost more CPU than they give back (compiled code is only reused a few
# times). C1 alone, the serial collector, and room for the compiled code: a third less of
# the JVM's CPU on four audits of the demo (see benchmarks/README.md). The audits' queries
# and results are the same; a user's session keeps Java's defaults.
TEST_JVM = ("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=256m", "-XX:+UseSerialGC")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("Java is not installed: Spark needs a Java 17 runtime (see .ci/install)")
    from checker.engine.backends.spark import start_session

    session = start_session(SPARK_MASTER, TEST_JVM)
    try:
        yield session
    finally:
        session.stop()


def report(engine: str, args: Sequence[str | Path], out: Path) -> dict[str, Any]:
    """The JSON report of ``huitou check ARGS --engine ENGINE`` (run in this process)."""
    options = ["--format", "json", "-o", str(out), "--fail-on", "never", "--engine", engine]
    code = main(["check", *map(str, args), *options])
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def comparable(doc: dict[str, Any]) -> dict[str, Any]:
    """A report without its timing fields (none yet: the keys are listed here if added)."""
    return {k: v for k, v in doc.items() if k not in TIMING}


TIMING = ("elapsed", "seconds", "started", "finished")


def same_reports(args: Sequence[str | Path], tmp: Path) -> dict[str, Any]:
    """The reports of DuckDB and Spark for ``args``, asserted equal; DuckDB's returned."""
    duck = report("duckdb", args, tmp / "duckdb.json")
    spark = report("spark", args, tmp / "spark.json")
    assert comparable(spark) == comparable(duck), first_difference(duck, spark)
    return duck


def first_difference(duck: Any, spark: Any, at: str = "") -> str:
    """Where two JSON documents first differ, for the failure message."""
    if isinstance(duck, dict) and isinstance(spark, dict):
        for key in sorted(set(duck) | set(spark)):
            if duck.get(key) != spark.get(key):
                return first_difference(duck.get(key), spark.get(key), f"{at}.{key}")
    if isinstance(duck, list) and isinstance(spark, list):
        if len(duck) != len(spark):
            return f"{at}: {len(duck)} items on DuckDB, {len(spark)} on Spark"
        for i, (a, b) in enumerate(zip(duck, spark, strict=True)):
            if a != b:
                return first_difference(a, b, f"{at}[{i}]")
    return f"{at}: DuckDB {duck!r} != Spark {spark!r}"
