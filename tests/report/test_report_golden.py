"""Every format, written to a file through write_report, equals its golden bytes."""

from __future__ import annotations

import io

import pytest

from checker.report.formats import BINARY, FORMATS, write_report

FILES = {
    "text": "report.txt",
    "json": "report.json",
    "jsonl": "report.jsonl",
    "junit": "report.junit.xml",
    "github": "report.github.txt",
    "csv": "report.csv",
    "sarif": "report.sarif",
    "markdown": "report.md",
}


def test_every_format_has_a_golden_file():
    """But a binary one (Parquet: its bytes name the writer's version; its schema and
    contents are tested in test_report_parquet)."""
    assert set(FILES) == set(FORMATS) - BINARY


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_written_bytes_match_golden(fmt, report, golden, tmp_path):
    out = tmp_path / FILES[fmt]
    write_report(report, fmt, out, stream=None, err=io.StringIO())
    golden(FILES[fmt], out.read_bytes())
