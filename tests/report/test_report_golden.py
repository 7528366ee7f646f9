"""Every format, written to a file through write_report, equals its golden bytes."""

from __future__ import annotations

import io
import re

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
    "html": "report.html",
}
# The HTML page's structure is golden, not its charts' bytes (Vega's SVG may change with
# vl-convert): each inlined SVG becomes a placeholder naming its chart.
_SVG = re.compile(rb"(<figure class=\"chart\" data-chart=\"[a-z_]+\">)<svg.*?</svg>", re.S)


def _comparable(fmt: str, data: bytes) -> bytes:
    return _SVG.sub(rb"\1<svg/>", data) if fmt == "html" else data


def test_every_format_has_a_golden_file():
    """But a binary one (Parquet: its bytes name the writer's version; its schema and
    contents are tested in test_report_parquet)."""
    assert set(FILES) == set(FORMATS) - BINARY


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_written_bytes_match_golden(fmt, report, golden, tmp_path):
    out = tmp_path / FILES[fmt]
    write_report(report, fmt, out, stream=None, err=io.StringIO())
    golden(FILES[fmt], _comparable(fmt, out.read_bytes()))
