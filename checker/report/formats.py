"""The registry of report formats and the one place that writes a report out."""

from __future__ import annotations

import codecs
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from checker.errors import HuitouError, Problem

if TYPE_CHECKING:
    from checker.report.lines import Chunk
    from checker.report.model import AuditReport


class Writers(Mapping[str, ModuleType]):
    """Format name -> its writer module in ``checker.report``, imported when first looked up
    (the writers use pyarrow; ``huitou --help`` lists the names without importing them)."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = modules

    def __getitem__(self, fmt: str) -> ModuleType:
        return importlib.import_module(f"checker.report.{self._modules[fmt]}")

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)

    def module_names(self) -> list[str]:
        return list(self._modules.values())


# Each module has `render(report) -> str` and `ENCODING` (the encoding of a written file); a
# binary one (in BINARY) has `write(report, handle)` instead and is written only to a file. A
# module's `stderr_line(report)`, when it has one, is written to stderr after the report.
FORMATS = Writers(
    {
        "text": "text",
        "json": "json_report",
        "jsonl": "jsonl",
        "parquet": "parquet_report",
        "junit": "junit",
        "github": "github",
        "csv": "csv_report",
        "sarif": "sarif",
        "markdown": "markdown",
        "html": "html",
    }
)
BINARY = {"parquet"}  # written by `write(report, handle)` into a file, never to stdout


def refuse_stdout(fmt: str, output: str | Path | None) -> None:
    """A binary format needs ``--output``: it is never written to a terminal or a pipe."""
    if fmt in BINARY and output is None:
        raise HuitouError(
            f"--format {fmt} writes a binary file, not text for stdout.",
            [Problem(f"add --output FILE (for example -o findings.{fmt})")],
        )


def render(report: AuditReport, fmt: str, *, color: bool = False) -> str:
    if fmt not in FORMATS:
        choices = ", ".join(FORMATS)
        raise HuitouError(f"unknown report format {fmt!r}; choose one of: {choices}")
    if fmt == "text":
        return FORMATS[fmt].render(report, color=color)
    return FORMATS[fmt].render(report)


def write_report(
    report: AuditReport,
    fmt: str,
    output: str | Path | None,
    stream: TextIO | None = None,
    *,
    color: bool = False,
    by: str | None = None,
    err: TextIO | None = None,
) -> None:
    """Write to ``output`` in the format's encoding (csv: UTF-8 with BOM), else to ``stream``
    (default: stdout); a binary format only to ``output``. A format's ``stderr_line`` goes to
    ``err`` (default: stderr).

    Line ends are written exactly as rendered (no newline translation). ``color`` only applies
    to text written to ``stream``. A file that cannot be written is a usage error (exit 2).
    A format's ``chunks`` may give bytes (already in its encoding) as well as text.
    """
    module = FORMATS.get(fmt)
    if by is not None:  # scorecards, not findings
        scorecard_csv = importlib.import_module("checker.report.scorecard_csv")
        if fmt != "csv" or by not in scorecard_csv.BY:
            raise HuitouError(
                "--by needs --format csv",
                [Problem(f"--by {by} with --format {fmt}: use --format csv --by agent|channel")],
            )
        module = scorecard_csv
    if module is None:
        render(report, fmt)  # raises the usage error naming the formats
        return
    if fmt in BINARY:
        refuse_stdout(fmt, output)
        assert output is not None
        _write_file(output, module.write, report)
        return
    encoding = module.ENCODING
    pieces: Iterator[Chunk]
    if fmt == "text":  # colours only on a terminal, never in a file
        pieces = module.chunks(report, color=color and output is None)
    elif by is not None:
        pieces = module.chunks(report, by)
    elif hasattr(module, "chunks"):  # large formats stream, never building one string
        pieces = module.chunks(report)
    else:
        pieces = iter([render(report, fmt, color=color and output is None)])
    if output is None:
        _write_stream(stream or sys.stdout, pieces, encoding)
    else:
        _write_file(output, lambda _, handle: handle.writelines(_encoded(pieces, encoding)), report)
    if hasattr(module, "stderr_line"):
        (err or sys.stderr).write(module.stderr_line(report))


def _write_stream(stream: TextIO, pieces: Iterator[Chunk], encoding: str) -> None:
    """The pieces to ``stream`` (its bytes when it has them). A reader that stops reading
    (``| head``) has what it wanted: the rest is dropped, and the audit's exit code stands."""
    binary = getattr(stream, "buffer", None)
    try:
        stream.flush()
        if binary is None:
            for piece in pieces:
                stream.write(piece if isinstance(piece, str) else str(piece, encoding))
        else:
            binary.writelines(_encoded(pieces, encoding))
            binary.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at /dev/null so that is quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def _write_file(output: str | Path, write: Callable[..., None], report: AuditReport) -> None:
    """``write(report, handle)`` into ``output``; a file that cannot be written: exit 2."""
    try:
        with open(output, "wb") as handle:
            write(report, handle)
    except OSError as exc:
        problem = Problem(exc.strerror or str(exc), file=str(output))
        raise HuitouError("cannot write the report", [problem]) from exc


def _encoded(pieces: Iterator[Chunk], encoding: str) -> Iterator[bytes | memoryview]:
    encoder = codecs.getincrementalencoder(encoding)()
    yield encoder.encode("")  # the byte order mark of utf-8-sig, whatever comes first
    for piece in pieces:
        yield encoder.encode(piece) if isinstance(piece, str) else piece
