"""``--format jsonl``: one finding per line, the JSON report's own lines; the audit in brief
on stderr; read back by DuckDB and jq as they are."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from checker.report import jsonl
from checker.report.document import rule_summary
from checker.report.formats import write_report
from checker.report.head import brief
from checker.report.model import FINDING_SCHEMA

GOLDEN_JSON = Path(__file__).parent / "golden" / "report.json"


def test_each_line_is_a_finding_of_the_json_report_as_it_writes_it(report) -> None:
    """The golden JSON report's finding lines, without their indent and commas, are the
    JSON Lines file (its own golden is compared in test_report_golden)."""
    text = GOLDEN_JSON.read_text(encoding="utf-8")
    block = text.split('"findings": [\n', 1)[1].split("\n  ]", 1)[0]
    expected = [line.strip().removesuffix(",") for line in block.split("\n")]
    assert jsonl.render(report).splitlines() == expected
    assert len(expected) == len(report.findings) == 11


def test_lines_parse_to_the_findings_with_the_same_fields(report) -> None:
    rows = [json.loads(line) for line in jsonl.render(report).splitlines()]
    assert rows == [vars(f) for f in report.findings]
    assert all(list(row) == sorted(FINDING_SCHEMA.names) for row in rows)


@pytest.mark.parametrize("batch", [1, 3, 1000])
def test_the_file_is_the_same_whatever_the_batch_size(report, batch: int) -> None:
    pieces = list(jsonl.chunks(report, batch=batch))
    out = b"".join(p.encode() if isinstance(p, str) else bytes(p) for p in pieces)
    assert out.decode("utf-8") == jsonl.render(report)
    assert out.endswith(b"}\n") and b"\n\n" not in out


def test_no_finding_is_an_empty_file(report) -> None:
    assert jsonl.render(dataclasses.replace(report, findings=[])) == ""


def test_the_audit_in_brief_goes_to_stderr_as_one_json_line(report, tmp_path: Path) -> None:
    out, err = tmp_path / "findings.jsonl", io.StringIO()
    write_report(report, "jsonl", out, err=err)
    assert err.getvalue().endswith("\n") and err.getvalue().count("\n") == 1
    head = json.loads(err.getvalue())
    assert head == json.loads(json.dumps(brief(report)))
    assert head["as_of"] == "2025-03-31 23:59:59" and head["playbook"] == "playbooks/seed"
    assert head["input"] == {"rows_read": 523, "rows_checked": 500, "rows_rejected": 23}
    # The same summary per rule as the JSON report's.
    assert head["summary"] == json.loads(GOLDEN_JSON.read_text(encoding="utf-8"))["summary"]
    assert head["summary"] == json.loads(json.dumps(rule_summary(report)))
    assert "rejects" not in head["input"]  # the rows are listed by --format json
    assert out.read_text(encoding="utf-8") == jsonl.render(report)  # the file has findings only


def test_duckdb_reads_the_file_as_a_table_of_findings(report, tmp_path: Path) -> None:
    out = tmp_path / "findings.jsonl"
    write_report(report, "jsonl", out, err=io.StringIO())
    con = duckdb.connect()
    table = con.sql(f"SELECT * FROM read_json('{out}')")
    assert sorted(table.columns) == sorted(FINDING_SCHEMA.names)
    rows = [dict(zip(table.columns, row, strict=True)) for row in table.fetchall()]
    expected = [vars(f) for f in report.findings]
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected, strict=True):
        assert got["fingerprint"] == want["fingerprint"] and got["line"] == want["line"]
        assert got["evidence"] == want["evidence"] and got["customer_id"] == want["customer_id"]
    per_rule = dict(con.sql(f"SELECT rule, count(*) FROM '{out}' GROUP BY rule").fetchall())
    assert per_rule["cadence.greeting"] == 3 and sum(per_rule.values()) == 11


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_jq_selects_findings_line_by_line(report, tmp_path: Path) -> None:
    out = tmp_path / "findings.jsonl"
    write_report(report, "jsonl", out, err=io.StringIO())
    picked = subprocess.run(
        ["jq", "-c", 'select(.status == "pending") | .fingerprint', str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    pending = [f.fingerprint for f in report.findings if f.status == "pending"]
    assert [json.loads(p) for p in picked] == pending and len(pending) == 4


def test_the_cli_writes_findings_to_stdout_and_the_brief_to_stderr(cli, tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "examples" / "demo"
    args = ["check", demo / "events.csv", "--customers", demo / "customers.csv"]
    code, out, err = cli(*args, "--format", "jsonl", "--fail-on", "never")
    assert code == 0
    head = json.loads(err.strip().splitlines()[-1])
    findings = [json.loads(line) for line in out.splitlines()]
    totals = sum(r["violations"] + r["pending"] for r in head["summary"].values())
    assert len(findings) == totals > 100
    assert (
        head["input"]["rows_read"] == head["input"]["rows_checked"] + head["input"]["rows_rejected"]
    )
    _, again, _ = cli(*args, "--format", "json", "--fail-on", "never")
    assert findings == json.loads(again)["findings"]
    assert cli(*args, "--format", "jsonl", "--fail-on", "error")[0] == 1  # the exit code stands
