"""``--format parquet``: the findings as a typed table, the audit in brief in the file's
metadata, written a batch at a time, read straight back by DuckDB (and Spark: tests/spark/)."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from checker.errors import HuitouError
from checker.report import parquet_report
from checker.report.document import rule_summary
from checker.report.formats import write_report
from checker.report.model import FINDING_SCHEMA

GOLDEN_JSON = Path(__file__).parent / "golden" / "report.json"


def _written(report, tmp_path: Path) -> Path:
    out = tmp_path / "findings.parquet"
    write_report(report, "parquet", out, err=io.StringIO())
    return out


def test_the_columns_are_the_findings_fields_typed(report, tmp_path: Path) -> None:
    schema = pq.read_schema(_written(report, tmp_path))
    assert schema.names == FINDING_SCHEMA.names
    assert schema.field("ts").type == pa.timestamp("us")  # no zone: the playbook's wall clock
    assert schema.field("line").type == pa.int64()
    others = [f for f in schema if f.name not in ("ts", "line")]
    assert others and all(f.type == pa.string() and f.nullable for f in others)


def test_the_rows_are_the_findings_in_report_order(report, tmp_path: Path) -> None:
    rows = pq.read_table(_written(report, tmp_path)).to_pylist()
    expected = [vars(f) for f in report.findings]
    for row in expected:
        row["ts"] = None if row["ts"] is None else datetime.fromisoformat(row["ts"])
    assert rows == expected and len(rows) == 11


def test_the_metadata_holds_the_audit_in_brief(report, tmp_path: Path) -> None:
    meta = {
        k.decode(): v.decode()
        for k, v in pq.read_metadata(_written(report, tmp_path)).metadata.items()
    }
    assert meta["huitou.as_of"] == "2025-03-31 23:59:59"
    assert meta["huitou.playbook"] == "playbooks/seed" and meta["huitou.lang"] == "zh"
    assert json.loads(meta["huitou.input"]) == {
        "rows_read": 523,
        "rows_checked": 500,
        "rows_rejected": 23,
    }
    summary = json.loads(meta["huitou.summary"])
    assert summary == json.loads(GOLDEN_JSON.read_text(encoding="utf-8"))["summary"]
    assert summary == json.loads(json.dumps(rule_summary(report)))
    assert "huitou.baseline" not in meta  # only with --baseline


def test_duckdb_reads_the_file_straight_back(report, tmp_path: Path) -> None:
    out = _written(report, tmp_path)
    con = duckdb.connect()
    table = con.sql(f"SELECT * FROM '{out}'")
    assert dict(zip(table.columns, map(str, table.types), strict=True)) == {
        **{name: "VARCHAR" for name in FINDING_SCHEMA.names},
        "ts": "TIMESTAMP",
        "line": "BIGINT",
    }
    as_text = con.sql(
        f"SELECT * REPLACE (strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts) FROM '{out}'"
    ).fetchall()
    assert [dict(zip(table.columns, row, strict=True)) for row in as_text] == [
        vars(f) for f in report.findings
    ]
    late = con.sql(f"SELECT count(*) FROM '{out}' WHERE ts >= TIMESTAMP '2025-03-30'").fetchall()
    assert late == [(4,)]
    meta = dict(
        con.sql(f"SELECT key::VARCHAR, decode(value) FROM parquet_kv_metadata('{out}')").fetchall()
    )
    assert meta["huitou.as_of"] == "2025-03-31 23:59:59"
    assert json.loads(meta["huitou.summary"])["cadence.greeting"]["violations"] == 1


@pytest.mark.parametrize("batch", [1, 4, 100])
def test_written_a_batch_at_a_time_one_row_group_each(report, batch: int) -> None:
    sink = pa.BufferOutputStream()
    parquet_report.write(report, sink, batch=batch)
    file = pq.ParquetFile(pa.BufferReader(sink.getvalue()))
    assert file.metadata.num_row_groups == -(-11 // batch)
    assert file.read() == pq.read_table(pa.BufferReader(parquet_report.render(report)))


def test_no_finding_is_an_empty_table_duckdb_reads(report, tmp_path: Path) -> None:
    out = _written(dataclasses.replace(report, findings=[]), tmp_path)
    con = duckdb.connect()
    assert con.sql(f"SELECT count(*) FROM '{out}'").fetchall() == [(0,)]
    assert con.sql(f"SELECT * FROM '{out}'").columns == FINDING_SCHEMA.names


def test_never_written_to_stdout(report) -> None:
    with pytest.raises(HuitouError) as err:
        write_report(report, "parquet", None, io.StringIO())
    assert err.value.exit_code == 2 and "--output" in str(err.value)


def test_the_cli_refuses_stdout_before_the_audit(cli, tmp_path: Path) -> None:
    """No log is read (this one does not exist): the refusal comes first, with exit 2."""
    code, out, err = cli("check", tmp_path / "missing.csv", "--format", "parquet")
    assert code == 2 and out == ""
    assert "--format parquet writes a binary file" in err and "-o findings.parquet" in err
    assert "missing.csv" not in err


def test_times_at_the_ends_of_the_calendar_survive(report, tmp_path: Path) -> None:
    """The log takes years 1-9999: both ends read back from DuckDB as they were written."""
    first, second, *rest = report.findings
    ends = [
        dataclasses.replace(first, ts="0001-01-01 00:00:00"),
        dataclasses.replace(second, ts="9999-12-31 23:59:59"),
        *rest,
    ]
    out = _written(dataclasses.replace(report, findings=ends), tmp_path)
    got = duckdb.connect().sql(f"SELECT strftime(ts, '%Y-%m-%d %H:%M:%S') FROM '{out}'")
    assert [row[0] for row in got.fetchall()][:2] == ["0001-01-01 00:00:00", "9999-12-31 23:59:59"]
