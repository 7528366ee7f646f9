"""Every format, written to a file through write_report, equals its golden bytes."""

from __future__ import annotations

import pytest

from checker.report.formats import FORMATS, write_report

FILES = {
    "text": "report.txt",
    "json": "report.json",
    "junit": "report.junit.xml",
    "github": "report.github.txt",
    "csv": "report.csv",
    "sarif": "report.sarif",
    "markdown": "report.md",
}


def test_every_format_has_a_golden_file():
    assert set(FILES) == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_written_bytes_match_golden(fmt, report, golden, tmp_path):
    out = tmp_path / FILES[fmt]
    write_report(report, fmt, out, stream=None)
    golden(FILES[fmt], out.read_bytes())
