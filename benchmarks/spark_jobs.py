"""Where a Spark audit's time goes: the Spark jobs and seconds of each engine call site.

Runs ``huitou check FILES --engine spark`` ``--rounds`` times in one local session (the first
round pays the JVM's warm-up), and for the last round prints, per engine call site (the
innermost three `checker` frames), how many Spark jobs its queries ran and how long the
DataFrame calls took: ``sql`` is Spark's parsing and analysis of a query, ``toArrow`` its run.
Asserts nothing.

    PYTHONPATH=. python benchmarks/spark_jobs.py LOG... [--rounds 3] [CHECK OPTIONS]
"""

from __future__ import annotations

import argparse
import functools
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _counted(
    method: Callable[..., Any], jobs: Callable[[], int], n: Counter[str], s: Counter[str]
) -> Callable[..., Any]:
    @functools.wraps(method)
    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        before, start = jobs(), time.perf_counter()
        try:
            return method(self, *args, **kwargs)
        finally:
            frames = [f for f in traceback.extract_stack() if "/checker/" in f.filename]
            where = " < ".join(f"{Path(f.filename).stem}.{f.name}" for f in frames[-3:][::-1])
            key = f"{method.__name__} @ {where}"
            n[key] += jobs() - before
            s[key] += time.perf_counter() - start

    return counted


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("logs", nargs="+")
    ap.add_argument("--rounds", type=int, default=3)
    opts, extra = ap.parse_known_args()  # the rest: options of `huitou check`
    from pyspark.sql import SparkSession
    from pyspark.sql.classic.dataframe import DataFrame

    from checker.cli import main as huitou
    from checker.engine.backends.spark import start_session

    session = start_session("local[*]")
    store = session.sparkContext._jsc.sc().statusStore()
    n: Counter[str] = Counter()
    s: Counter[str] = Counter()

    def jobs() -> int:
        return int(store.jobsList(None).size())

    watched = ((DataFrame, "toArrow"), (DataFrame, "localCheckpoint"), (SparkSession, "sql"))
    for cls, name in watched:
        setattr(cls, name, _counted(getattr(cls, name), jobs, n, s))
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(opts.rounds):
            n.clear()
            s.clear()
            start, before = time.perf_counter(), jobs()
            args = ["check", *opts.logs, "--engine", "spark", "--fail-on", "never"]
            huitou([*args, "--format", "json", "-o", f"{tmp}/report.json", *extra])
            wall = time.perf_counter() - start
            print(f"round {round_no + 1}: {wall:.1f} s, {jobs() - before} Spark jobs")
    print(f"{'jobs':>5} {'seconds':>8}  call (last round)")
    for key in sorted(s, key=lambda k: -s[k]):
        print(f"{n[key]:5d} {s[key]:8.2f}  {key}")
    session.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
