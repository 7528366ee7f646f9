"""Peak memory of `huitou check` by report format, on a findings-heavy log; print a table.

    python benchmarks/report_memory.py                          # 200,000 events, both logs
    python benchmarks/report_memory.py --events 50000 --runs 3  # smaller, three runs each
    python benchmarks/report_memory.py --events 10000000 --logs random \
        --formats text parquet jsonl --memory-limit 512MB           # the 10M findings-heavy audit

Each format is written to a file by `python -m checker check LOG --customers FILE --format F
-o OUT --fail-on never [--memory-limit SIZE]`, run as a child process from this checkout; its
peak resident memory (``ru_maxrss`` from ``wait4``) and wall time are measured. The baseline
is the first format (`--format text` unless ``--formats`` says otherwise), measured in the
same run: the text report needs the summary and 5 examples per rule, so
what a format costs above it is what writing every finding costs. The formats run in turn,
``--runs`` rounds, and the median of each is printed (with the spread).

Two logs, generated into ``benchmarks/data/`` on the first run and reused afterwards:

- ``demo``: `huitou demo` with the highest lapse rate it takes (0.12);
- ``random``: random events of the seed vocabulary by few customers at random hours, which
  the seed playbook finds far more wrong with (more than one finding per event).

No assertion here: the figures are reported, not tested.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FORMATS = ["text", "json", "jsonl", "parquet", "csv"]
MAX_LAPSE_RATE = "0.12"  # the most `huitou demo --lapse-rate` takes
CUSTOMER_EVENTS = ["purchase", "complaint", "objection", "reply", "inquiry", "busy", "refund"]
SHOP_EVENTS = ["greeting", "care", "promotion", "price_drop", "callback", "thanks", "feedback"]
SHOP_EVENTS += ["complaint_ack", "farewell", "usage_check", "resolution", "progress"]
CHANNELS = ["store", "phone", "sms", "im", "wechat"]
TEXTS = ["您好，最近用得怎么样？", "新品八折，欢迎选购", "这是你自己的问题", "好的，谢谢", ""]


def demo_log(folder: Path, events: int) -> tuple[Path, Path]:
    log = folder / f"demo-heavy-{events}.csv"
    customers = folder / f"demo-heavy-{events}-customers.csv"
    if not log.exists():
        cmd = [sys.executable, "-m", "checker", "demo", "--events", str(events)]
        cmd += ["--lapse-rate", MAX_LAPSE_RATE, "--seed", "7", "--out", str(log)]
        subprocess.run([*cmd, "--customers-out", str(customers)], cwd=ROOT, check=True)
    return log, customers


def random_log(folder: Path, events: int, seed: int = 7) -> tuple[Path, Path]:
    """Random events (a third from customers) of ``events // 40`` customers over a year."""
    log = folder / f"random-{events}.csv"
    customers = folder / f"random-{events}-customers.csv"
    if log.exists():
        return log, customers
    rng = random.Random(seed)
    people = [f"R{i:06d}" for i in range(max(1, events // 40))]
    start = datetime(2025, 1, 1)
    with log.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["event_id", "ts", "customer_id", "event", "channel", "agent_id", "text"])
        for i in range(events):
            ts = start + timedelta(seconds=rng.randrange(365 * 86400))
            event = rng.choice(CUSTOMER_EVENTS if rng.random() < 0.33 else SHOP_EVENTS)
            row = [f"r{i}", ts.strftime("%Y-%m-%d %H:%M:%S"), rng.choice(people), event]
            row += [rng.choice(CHANNELS), f"kf{rng.randrange(20):02d}", rng.choice(TEXTS)]
            out.writerow(row)
    with customers.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["customer_id", "birthday", "tier"])
        for person in people:
            out.writerow([person, f"{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", ""])
    return log, customers


def run(
    log: Path, customers: Path, fmt: str, out: Path, limit: str | None = None
) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of one `huitou check` writing ``fmt`` to ``out``
    (``limit``: its ``--memory-limit``)."""
    cmd = [sys.executable, "-m", "checker", "check", str(log), "--customers", str(customers)]
    cmd += ["--format", fmt, "--output", str(out), "--fail-on", "never"]
    cmd += ["--memory-limit", limit] if limit else []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"huitou check --format {fmt} failed: {' '.join(cmd)}")
    return usage.ru_maxrss / 1024, seconds  # Linux reports kilobytes


def findings_of(log: Path, customers: Path, folder: Path, limit: str | None) -> int:
    """The audit's findings: the rows of its Parquet report (written here if not measured)."""
    out = folder / "report.parquet"
    if not out.exists():
        run(log, customers, "parquet", out, limit)
    import pyarrow.parquet as pq

    return pq.read_metadata(out).num_rows


def measure(
    name: str, log: Path, customers: Path, runs: int, formats: list[str], limit: str | None
) -> dict[str, object]:
    rows = sum(1 for _ in log.open(encoding="utf-8")) - 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rss: dict[str, list[float]] = {fmt: [] for fmt in formats}
        wall: dict[str, list[float]] = {fmt: [] for fmt in formats}
        size: dict[str, int] = {}
        for _ in range(runs):
            for fmt in formats:
                out = folder / f"report.{fmt}"
                mb, seconds = run(log, customers, fmt, out, limit)
                rss[fmt].append(mb)
                wall[fmt].append(seconds)
                size[fmt] = out.stat().st_size
                if fmt not in ("text", "parquet"):
                    out.unlink()  # a findings-heavy report takes gigabytes
        findings = findings_of(log, customers, folder, limit)
    base = statistics.median(rss[formats[0]])
    told = f", --memory-limit {limit}" if limit else ""
    print(f"\n{name}: {log.name}, {rows:,} events, {findings:,} findings, {runs} run(s){told}")
    heads = ("peak MB", 9), ("range", 13), (f"/ {formats[0]}", 7), ("+ MB", 7), ("s", 6)
    heads += (("file MB", 8),)
    print(f"{'format':8}" + "".join(f" {text:>{width}}" for text, width in heads))
    table = {}
    for fmt in formats:
        peak = statistics.median(rss[fmt])
        spread = f"{min(rss[fmt]):.0f}-{max(rss[fmt]):.0f}"
        seconds = statistics.median(wall[fmt])
        print(
            f"{fmt:8} {peak:9.0f} {spread:>13} {peak / base:7.2f} {peak - base:7.0f} "
            f"{seconds:6.1f} {size[fmt] / 1e6:8.1f}"
        )
        table[fmt] = {
            "peak_rss_mb": round(peak),
            "peak_rss_runs_mb": [round(x) for x in rss[fmt]],
            f"ratio_to_{formats[0]}": round(peak / base, 3),
            "seconds": round(seconds, 2),
            "file_mb": round(size[fmt] / 1e6, 1),
        }
    out = {"log": log.name, "events": rows, "findings": findings, "formats": table}
    return {**out, "memory_limit": limit}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=200_000, help="events per log")
    ap.add_argument("--runs", type=int, default=1, help="rounds over the formats")
    ap.add_argument(
        "--formats",
        nargs="+",
        choices=FORMATS,
        default=FORMATS,
        help="formats to measure; the first is the baseline (default: all, text first)",
    )
    ap.add_argument("--memory-limit", help="huitou check --memory-limit (default: its own)")
    ap.add_argument("--logs", nargs="+", choices=["demo", "random"], default=["demo", "random"])
    ap.add_argument("--data", type=Path, default=HERE / "data", help="folder for the logs")
    ap.add_argument("--results", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    makers = {"demo": demo_log, "random": random_log}
    results = {
        name: measure(
            name,
            *makers[name](args.data, args.events),
            args.runs,
            args.formats,
            args.memory_limit,
        )
        for name in args.logs
    }
    if args.results:
        args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
