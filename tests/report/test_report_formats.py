from __future__ import annotations

import io

import pytest

from checker.errors import HuitouError
from checker.report import csv_report
from checker.report.formats import FORMATS, render, write_report


def test_registry_names_the_eight_formats():
    names = ["csv", "github", "html", "json", "junit", "markdown", "sarif", "text"]
    assert sorted(FORMATS) == names
    assert all(callable(m.render) and isinstance(m.ENCODING, str) for m in FORMATS.values())


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
