"""Start-up time of the commands: wall time and peak memory of each, run as a child process.

``huitou --help``, ``lint``, ``rules``, ``explain`` and ``schema`` build no query (the issue's
target: under 0.3 s); a ``check`` of a 1-row log is the smallest audit (target: under 1.5 s).
A bare ``python -c pass`` is measured too: the interpreter's own start, which every command
pays. Prints a table (median and best of ``--runs``) and asserts nothing.

    python benchmarks/bench_start.py            # 7 runs of each
    python benchmarks/bench_start.py --runs 15
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_ROW = (
    "event_id,ts,customer_id,event,channel,agent_id\ne1,2025-03-03 10:00:00,c1,purchase,store,a1\n"
)


def commands(one_row: Path) -> dict[str, list[str]]:
    huitou = [sys.executable, "-m", "checker"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "huitou --help": [*huitou, "--help"],
        "huitou lint": [*huitou, "lint"],
        "huitou rules": [*huitou, "rules"],
        "huitou explain cadence.greeting": [*huitou, "explain", "cadence.greeting"],
        "huitou schema": [*huitou, "schema"],
        "huitou check (1 row)": [*huitou, "check", str(one_row), "--fail-on", "never"],
    }


def once(argv: list[str], root: Path = ROOT) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one run of ``argv`` in ``root``."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {child.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="checkout whose `checker` runs (default: this one)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one_row = Path(tmp) / "one.csv"
        one_row.write_text(ONE_ROW, encoding="utf-8")
        print(f"{'command':<34} {'median s':>9} {'best s':>8} {'CPU s':>7} {'peak MB':>8}")
        for name, argv in commands(one_row).items():
            once(argv, args.root)  # warm the file cache and the bytecode
            runs = [once(argv, args.root) for _ in range(args.runs)]
            walls = [w for w, _, _ in runs]
            cpu = statistics.median(c for _, c, _ in runs)
            peak = max(m for _, _, m in runs)
            print(
                f"{name:<34} {statistics.median(walls):>9.3f} {min(walls):>8.3f} {cpu:>7.3f} "
                f"{peak:>8.0f}"
            )
    print(f"({args.runs} runs each, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
