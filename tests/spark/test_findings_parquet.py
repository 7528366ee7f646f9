"""Spark reads the Parquet report of the demo audit as it is: the findings' typed columns
(``ts`` a timestamp without zone, ``line`` a long) and the same rows as the JSON report."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main

pytestmark = pytest.mark.spark
DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def test_spark_reads_the_findings_parquet(spark: Any, tmp_path: Path) -> None:
    args = ["check", str(DEMO / "events.csv"), "--customers", str(DEMO / "customers.csv")]
    args += ["--fail-on", "never", "--format", "json", "-o", str(tmp_path / "report.json")]
    assert main([*args, "--report", f"parquet={tmp_path / 'findings.parquet'}"]) == 0
    findings = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["findings"]

    frame = spark.read.parquet(str(tmp_path / "findings.parquet"))
    types = dict(frame.dtypes)
    assert types.pop("ts") == "timestamp_ntz" and types.pop("line") == "bigint"
    assert set(types.values()) == {"string"}
    assert sorted(frame.columns) == sorted(findings[0])
    rows = [row.asDict() for row in frame.collect()]
    for row in findings:
        row["ts"] = None if row["ts"] is None else datetime.fromisoformat(row["ts"])
    assert len(rows) == len(findings) > 100
    assert rows == findings  # the same findings in the same order
    per_status = {r["status"]: r["count"] for r in frame.groupBy("status").count().collect()}
    assert per_status["violation"] == sum(f["status"] == "violation" for f in findings)
