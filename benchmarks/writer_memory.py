"""What writing a report costs in memory on its own, by format and number of findings.

    python benchmarks/writer_memory.py                       # 250k, 1M and 2M findings
    python benchmarks/writer_memory.py --findings 100000 500000

A child process per (format, size) builds an audit report of N synthetic findings (no audit:
the findings table as the engine hands it over, with texts of realistic length, Chinese
included), resets the kernel's peak-RSS mark (``/proc/self/clear_refs``), writes the report
to a file with `checker.report.formats.write_report`, and reads the new peak (``VmHWM``). The
figure printed is that peak less the resident memory before writing: what the writer holds
at most. A streaming writer's figure stays flat as N grows; the table itself (printed too)
grows with N, as it does in an audit.

No assertion here: the figures are reported, not tested.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.report.model import AuditReport

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # this checkout's `checker`, not an installed one
FORMATS = ["json", "jsonl", "parquet", "csv"]


def _status(key: str) -> float:
    """A field of /proc/self/status, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


def synthetic_report(n: int) -> AuditReport:
    """An AuditReport of ``n`` findings over 8 rules, as a table (no Finding objects)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from checker.report.model import FINDING_SCHEMA, AuditReport, FindingTable, InputSummary

    i = pa.array(range(n), pa.int64())
    text = pc.cast(i, pa.string())
    rules = [f"cadence.rule-{k}" for k in range(8)]

    def pick(values: list[str]) -> pa.Array:
        return pc.take(pa.array(values), pc.cast(pc.bit_wise_and(i, len(values) - 1), pa.int64()))

    columns = {
        "rule": pick(rules),
        "principle": pick(["graceful-close", "respect"]),
        "severity": pick(["warning", "error", "info", "warning"]),
        "status": pick(["violation", "violation", "violation", "pending"]),
        "customer_id": pc.binary_join_element_wise("C-", text, ""),
        "event_id": pc.binary_join_element_wise("E", text, ""),
        "fingerprint": pc.utf8_lpad(text, 16, "0"),
        "baseline_state": pa.nulls(n, pa.string()),
        "ts": pa.array(["2025-03-03 10:00:00"] * n, pa.string()),
        "file": pa.array(["logs/2025-03.csv"] * n, pa.string()),
        "line": pc.add(i, 2),
        "message": pick(["购买后 2 天内没有问候。", "Shop message blames the customer."]),
        "evidence": pc.binary_join_element_wise(
            "购买 2025-03-03 10:00，首次问候 2025-03-06 11:00：晚了 3 天 1 小时；上限 2 天 #",
            text,
            "",
        ),
        "agent_id": pick(["kf01", "kf02", "kf03", "kf04"]),
        "channel": pick(["store", "im"]),
    }
    table = pa.table(columns, schema=FINDING_SCHEMA)
    return AuditReport(
        playbook="playbooks/seed",
        as_of="2025-03-31 23:59:59",
        lang="zh",
        input=InputSummary(n, n, 0, []),
        rules=[],
        findings=FindingTable(table),
    )


def child(n: int, fmt: str, out: Path) -> None:
    import io

    from checker.report.formats import write_report

    report = synthetic_report(n)
    before = _status("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # the peak mark restarts from now
    write_report(report, fmt, out, err=io.StringIO())
    peak = _status("VmHWM")
    table_mb = report.findings.table.nbytes / 1e6
    print(json.dumps({"before": before, "peak": peak, "table_mb": table_mb}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--findings", type=int, nargs="+", default=[250_000, 1_000_000, 2_000_000])
    ap.add_argument("--child", nargs=3, metavar=("N", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1], Path(args.child[2]))
        return 0
    print(f"{'findings':>10} {'table MB':>9} " + " ".join(f"{f + ' MB':>11}" for f in FORMATS))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.findings:
            cells, table = [], 0.0
            for fmt in FORMATS:
                out = Path(tmp) / f"report.{fmt}"
                cmd = [sys.executable, str(HERE / "writer_memory.py"), "--child", str(n), fmt]
                done = subprocess.run([*cmd, str(out)], cwd=ROOT, capture_output=True, text=True)
                if done.returncode != 0:
                    raise SystemExit(done.stderr)
                got = json.loads(done.stdout)
                table = got["table_mb"]
                cells.append(f"{got['peak'] - got['before']:11.0f}")
                out.unlink()
            print(f"{n:10,} {table:9.0f} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
