"""Helpers for the input-contract tests: write logs in every format and audit them end to end."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from checker.cli import main

COLUMNS = ["event_id", "ts", "customer_id", "event", "channel", "agent_id", "product", "amount"]
COLUMNS += ["text"]

# A small Chinese shop log: a store purchase with its care, a complaint answered with blame,
# a late-night promotion while the complaint is open.
BASE = [
    ["e01", "2025-03-03 10:00", "客户甲", "purchase", "store", "店员1", "铁观音", "2500", ""],
    ["e02", "2025-03-03 10:05", "客户甲", "farewell", "store", "店员1", "", "", "谢谢光临"],
    ["e03", "2025-03-04 11:00", "客户甲", "greeting", "wechat", "店员1", "", "", "茶喝着习惯吗？"],
    ["e04", "2025-03-05 14:00", "客户乙", "complaint", "im", "", "", "", "包装破了"],
    [
        "e05",
        "2025-03-05 15:00",
        "客户乙",
        "complaint_ack",
        "im",
        "店员2",
        "",
        "",
        "这是你自己的问题",
    ],
    ["e06", "2025-03-05 22:30", "客户乙", "promotion", "sms", "店员2", "红茶", "", "新品八折"],
    ["e07", "2025-03-06 10:00", "客户乙", "resolution", "im", "店员2", "", "", "已补发"],
    ["e08", "2025-03-10 10:00", "客户甲", "usage_check", "phone", "店员1", "", "", "用得好吗"],
]


def as_dicts(rows: list[list[str]], columns: list[str] = COLUMNS) -> list[dict[str, str]]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


def write_csv(
    path: Path, rows: list[list[str]], columns: list[str] = COLUMNS, encoding: str = "utf-8"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[list[str]], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for row in as_dicts(rows, columns):
            obj: dict[str, Any] = {k: v for k, v in row.items() if v != ""}
            if "amount" in obj:
                obj["amount"] = float(obj["amount"])  # a number, as an export would write it
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return path


def write_parquet(path: Path, rows: list[list[str]], columns: list[str] = COLUMNS) -> Path:
    data: dict[str, list[Any]] = {c: [r[i] or None for r in rows] for i, c in enumerate(columns)}
    data["amount"] = [float(v) if v else None for v in data["amount"]]
    pq.write_table(pa.table(data), path)
    return path


def audit(out: Path, *args: str | Path) -> tuple[int, dict[str, Any]]:
    """``huitou check ARGS --format json -o OUT`` in-process: (exit code, report)."""
    code = main(["check", *map(str, args), "--format", "json", "-o", str(out), "--fail-on", "info"])
    report = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return code, report


def portable(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Findings without the input file's name and line (which differ between formats)."""
    keys = ("rule", "status", "customer_id", "event_id", "ts", "message", "evidence")
    return sorted(tuple(f[k] for k in keys) for f in findings)
