from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker.errors import HuitouError
from checker.report import csv_report
from checker.report.formats import BINARY, FORMATS, render, write_report


def test_registry_names_the_formats():
    names = ["csv", "github", "html", "json", "jsonl", "junit", "markdown", "parquet", "sarif"]
    assert sorted(FORMATS) == [*names, "text"]
    text = [m for name, m in FORMATS.items() if name not in BINARY]
    assert all(callable(m.render) and isinstance(m.ENCODING, str) for m in text)
    assert BINARY == {"parquet"} and all(callable(FORMATS[name].write) for name in BINARY)


def test_unknown_format_is_a_usage_error(report):
    with pytest.raises(HuitouError) as err:
        render(report, "yaml")
    assert err.value.exit_code == 2 and "junit" in str(err.value)


class Stdout(io.TextIOWrapper):
    """A text stream over bytes, like sys.stdout."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="ascii", newline="\r\n")


def test_stream_gets_the_exact_bytes_in_the_format_encoding(report):
    stream = Stdout()
    write_report(report, "csv", None, stream)
    assert stream.buffer.getvalue() == csv_report.render(report).encode("utf-8-sig")


def test_plain_text_stream_without_a_buffer(report):
    stream = io.StringIO()
    write_report(report, "text", None, stream, color=True)
    assert "汇总" in stream.getvalue() and "\x1b[" in stream.getvalue()


def test_colour_never_goes_to_a_file(report, tmp_path):
    out = tmp_path / "r.txt"
    write_report(report, "text", out, io.StringIO(), color=True)
    assert b"\x1b" not in out.read_bytes()


def test_unwritable_output_names_the_file(report, tmp_path):
    target = tmp_path / "missing" / "r.json"
    with pytest.raises(HuitouError) as err:
        write_report(report, "json", target, io.StringIO())
    assert str(target) in str(err.value) and err.value.exit_code == 2


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handbook_lists_every_format(lang):
    """The handbook's table of report formats (docs/*/auditing.md) names each one."""
    page = Path(__file__).resolve().parents[2] / "docs" / lang / "auditing.md"
    rows = {
        line.split("`")[1]
        for line in page.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    }
    assert set(FORMATS) <= rows
