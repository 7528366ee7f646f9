"""Time `huitou check --engine spark` (local mode) against `--engine duckdb` on a demo log,
and check that both write the same JSON report; print the figures and write
benchmarks/spark_results.json.

    PYTHONPATH=. python benchmarks/bench_spark.py                     # 2,000,000 events
    PYTHONPATH=. python benchmarks/bench_spark.py --events 200000     # a quick run

No assertion on time here: the figures are reported, not tested.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _run(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds of ``python -m checker ARGS``, the peak RSS (MB) of the largest child
    process waited for so far (the Python process), and the peak RSS (MB) of the Java
    processes it started (Spark's JVM, which PySpark does not wait for: its own high-water
    mark, ``VmHWM``, read from ``/proc`` while the run goes; 0 on DuckDB)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=ROOT)
    jvm = 0.0
    while child.poll() is None:
        jvm = max([jvm, *(_peak_mb(pid) for pid in _java_under(child.pid))])
        time.sleep(0.5)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, jvm


def _java_under(root: int) -> list[int]:
    """The pids of the ``java`` processes descended from ``root`` (Linux's ``/proc``)."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # gone meanwhile
            continue
        pid = int(stat.parent.name)
        names[pid] = text[text.index("(") + 1 : text.rindex(")")]
        parents[pid] = int(text[text.rindex(")") + 2 :].split()[1])
    found = []
    for pid, name in names.items():
        up = pid
        while up in parents and up != root:
            up = parents[up]
        if name == "java" and up == root:
            found.append(pid)
    return found


def _peak_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    kb = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")), 0)
    return int(kb) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=2_000_000)
    ap.add_argument("--data", type=Path, default=Path("/tmp"))
    ap.add_argument("--spark-master", default="local[*]")
    opts = ap.parse_args()
    log = opts.data / f"huitou-demo-{opts.events}.csv"
    customers = log.with_name(log.stem + ".customers.csv")
    if not (log.exists() and customers.exists()):  # `huitou demo`: seed 7, a year of a shop
        demo = ["demo", "--events", str(opts.events), "--out", str(log)]
        subprocess.run(
            [sys.executable, "-m", "checker", *demo, "--customers-out", str(customers)],
            cwd=ROOT,
            check=True,
        )
    base = ["check", str(log), "--customers", str(customers)]
    base += ["--format", "json", "--fail-on", "never"]
    figures = {}
    for engine in ("duckdb", "spark"):  # DuckDB first: its peak is not masked by the JVM's
        out = opts.data / f"huitou-{engine}-{opts.events}.json"
        extra = ["--spark-master", opts.spark_master] if engine == "spark" else []
        seconds, peak, jvm = _run([*base, "-o", str(out), "--engine", engine, *extra])
        figures[engine] = {"seconds": round(seconds, 1), "peak_rss_mb_so_far": round(peak)}
        if engine == "spark":
            figures[engine]["jvm_peak_rss_mb"] = round(jvm)
        print(
            f"{engine:7} {seconds:8.1f} s   peak RSS so far {peak:8.0f} MB   JVM {jvm:6.0f} MB",
            flush=True,
        )
    same = [
        json.loads((opts.data / f"huitou-{e}-{opts.events}.json").read_text(encoding="utf-8"))
        for e in ("duckdb", "spark")
    ]
    figures["same_report"] = same[0] == same[1]
    print("same JSON report on both:", figures["same_report"])
    figures["machine"] = {"cpus": os.cpu_count(), "platform": platform.platform()}
    figures["events"] = opts.events
    (HERE / "spark_results.json").write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
