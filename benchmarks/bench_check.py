"""Benchmark `huitou check` on a demo log against a hand-written DuckDB query and the
pure-Python reference implementation; print a table and write benchmarks/results.json.

    PYTHONPATH=. python benchmarks/bench_check.py                  # 10,000,000 events
    PYTHONPATH=. python benchmarks/bench_check.py --events 200000  # a quick run

No assertion here: the figures are reported, not tested.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from checker.demo import DemoSpec, write_demo  # noqa: E402

BASELINE_RULES = [
    "cadence.greeting",
    "cadence.usage-check",
    "no-pressure.frequency-cap",
    "no-pressure.quiet-hours",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=10_000_000, help="events in the log")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--data",
        type=Path,
        default=HERE / "data",
        help="folder for the generated logs (reused when present)",
    )
    ap.add_argument(
        "--reference-events",
        type=int,
        default=1_000_000,
        help="size of the log the reference runs on (its time is scaled per event; the "
        "reference grows slightly faster than linearly, so the scaled time is a lower bound)",
    )
    ap.add_argument("--skip-reference", action="store_true")
    ap.add_argument("--results", type=Path, default=HERE / "results.json")
    args = ap.parse_args()

    log, customers, gen_s = ensure_log(args.data, args.events, args.seed)
    size_mb = log.stat().st_size / 1e6
    print(
        f"log: {log} ({args.events:,} events, {size_mb:,.0f} MB)"
        + (f", generated in {gen_s:.1f} s" if gen_s is not None else ", reused")
    )

    base_s, base_counts = run_baseline(log)
    audit_s, audit_rss_mb, audit_counts = run_audit(log, customers)
    result = {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "duckdb": duckdb.__version__,
        },
        "events": args.events,
        "csv_mb": round(size_mb, 1),
        "generate_seconds": None if gen_s is None else round(gen_s, 2),
        "audit_seconds": round(audit_s, 2),
        "audit_peak_rss_mb": round(audit_rss_mb),
        "baseline_seconds": round(base_s, 2),
        "audit_over_baseline": round(audit_s / base_s, 2),
        "baseline_violations": base_counts,
        "audit_violations": {r: audit_counts.get(r) for r in BASELINE_RULES},
    }
    if not args.skip_reference:
        n_ref = min(args.reference_events, args.events)
        ref_log, ref_customers, _ = ensure_log(args.data, n_ref, args.seed)
        ref_s = run_reference(ref_log, ref_customers)
        scaled = ref_s * args.events / n_ref
        result.update(
            {
                "reference_events": n_ref,
                "reference_seconds_measured": round(ref_s, 2),
                "reference_seconds_scaled": round(scaled, 1),
                "reference_over_audit": round(scaled / audit_s, 1),
            }
        )
    print_table(result)
    args.results.write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"\nwrote {args.results}")
    return 0


def ensure_log(folder: Path, events: int, seed: int) -> tuple[Path, Path, float | None]:
    """The demo log of this size and seed (plain `YYYY-MM-DD HH:MM:SS` times, which the
    reference reads), generated unless it is already there."""
    log = folder / f"demo-{events}-s{seed}.csv"
    customers = folder / f"demo-{events}-s{seed}-customers.csv"
    if log.is_file() and customers.is_file():
        return log, customers, None
    t = time.perf_counter()
    write_demo(DemoSpec(events=events, seed=seed, mixed_ts=False), log, customers)
    return log, customers, time.perf_counter() - t


def run_baseline(log: Path) -> tuple[float, dict[str, int]]:
    """The hand-written single-pass DuckDB query (reads the CSV itself), timed in-process."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    sql = (HERE / "baseline.sql").read_text(encoding="utf-8")
    t = time.perf_counter()
    cur = con.execute(sql, {"path": str(log)})
    row = cur.fetchone()
    seconds = time.perf_counter() - t
    names = [d[0] for d in cur.description]
    con.close()
    return seconds, dict(zip(names, row, strict=True))


def run_audit(log: Path, customers: Path) -> tuple[float, float, dict[str, int]]:
    """`huitou check` with the full seed playbook, as a child process: wall seconds, its peak
    resident memory (MB, from wait4's rusage) and the violations per rule."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        cmd = [
            sys.executable,
            "-m",
            "checker",
            "check",
            str(log),
            "--customers",
            str(customers),
            "--format",
            "json",
            "--output",
            str(report),
            "--fail-on",
            "never",
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"huitou check failed with exit code {proc.returncode}")
        summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    rss_mb = usage.ru_maxrss / 1024  # Linux reports kilobytes
    return seconds, rss_mb, {rule: s["violations"] for rule, s in summary.items()}


def run_reference(log: Path, customers: Path) -> float:
    """The pure-Python reference audit (tests/reference): read the CSV and evaluate."""
    from checker.playbook import load_playbook
    from tests.reference.audit import evaluate

    t = time.perf_counter()
    with log.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with customers.open(encoding="utf-8", newline="") as f:
        people = list(csv.DictReader(f))
    evaluate(rows, load_playbook(), customers=people)
    return time.perf_counter() - t


def print_table(r: dict) -> None:
    n = r["events"]
    lines = [
        (
            "huitou check (full seed playbook, CLI)",
            f"{r['audit_seconds']:.1f}",
            f"peak RSS {r['audit_peak_rss_mb']:,} MB",
        ),
        (
            "DuckDB hand-written query (4 rules, 1 pass)",
            f"{r['baseline_seconds']:.1f}",
            f"audit / baseline = {r['audit_over_baseline']:.2f}",
        ),
    ]
    if "reference_seconds_scaled" in r:
        lines.append(
            (
                f"reference (Python), scaled from {r['reference_events']:,} events",
                f"{r['reference_seconds_scaled']:.0f}",
                f"reference / audit = {r['reference_over_audit']:.1f}",
            )
        )
    print(f"\n{n:,} events")
    print(f"{'what':<48} {'seconds':>9}  notes")
    for what, secs, note in lines:
        print(f"{what:<48} {secs:>9}  {note}")
    print("\nviolations, baseline vs audit:")
    for rule in BASELINE_RULES:
        print(
            f"  {rule:<28} {r['baseline_violations'][rule]:>9,} "
            f"{r['audit_violations'][rule] or 0:>9,}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
