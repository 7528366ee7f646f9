from __future__ import annotations

import csv
import dataclasses
import io

from checker.report import csv_report
from checker.report.formats import write_report
from checker.report.model import Finding

HEADER = [
    "rule",
    "principle",
    "severity",
    "status",
    "customer_id",
    "event_id",
    "fingerprint",
    "baseline_state",
    "ts",
    "file",
    "line",
    "message",
    "evidence",
    "agent_id",
    "channel",
]


def test_written_file_has_bom_crlf_and_parses_back(report, tmp_path):
    out = tmp_path / "r.csv"
    write_report(report, "csv", out, stream=None)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == len(report.findings) + 1 and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == HEADER
    expected = [
        ["" if v is None else str(v) for v in dataclasses.astuple(f)] for f in report.findings
    ]
    assert rows[1:] == expected


def test_cells_excel_would_run_as_formulas_are_kept_as_text(report):
    bad = Finding(
        "respect.no-blame",
        "respect",
        "error",
        "violation",
        "c-1",
        "e-1",
        "0123456789abcdef",
        None,
        "2025-03-01 10:00:00",
        "a.csv",
        2,
        '=HYPERLINK("http://x")',
        "@SUM(A1)\nok",
    )
    rows = list(
        csv.reader(io.StringIO(csv_report.render(dataclasses.replace(report, findings=[bad]))))
    )
    assert rows[1][HEADER.index("message")] == '\'=HYPERLINK("http://x")'
    assert rows[1][HEADER.index("evidence")] == "'@SUM(A1)\nok"
