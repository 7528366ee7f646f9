"""Log files as the audit sees them, on any backend: their format, a row's place (file and
line, kept in one number, ``seq``), and the empty table of raw rows.

How a file becomes a table is the backend's (see `checker.engine.backends`); everything
after it is plain Ibis.
"""

from __future__ import annotations

from pathlib import Path

import ibis
import ibis.expr.types as ir

from checker.errors import HuitouError, Problem
from checker.log.columns import CANONICAL

FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "json",
    ".ndjson": "json",
    ".json": "json",
    ".parquet": "parquet",
    ".pq": "parquet",
}
EMPTY_SCHEMA = ibis.schema(dict.fromkeys(CANONICAL, "string"))


def file_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise HuitouError(
            "Unknown log format.",
            [Problem("use a .csv, .jsonl or .parquet file", file=str(path))],
        )
    return fmt


def checked(path: Path) -> bool:
    """Whether ``path`` has rows to read (False: an empty file); a missing file is an error."""
    if not path.is_file():
        raise HuitouError("Log file not found.", [Problem("no such file", file=str(path))])
    return path.stat().st_size > 0


def separator(path: Path) -> str:
    return "\t" if path.suffix == ".tsv" else ","


UNKNOWN_FILE = "?"  # the name of a file_no beyond the files given


def file_name(file_no: ir.IntegerValue, names: list[str]) -> ir.StringValue:
    """The input file's name for a ``file_no`` (a handful of files: a small CASE)."""
    return ibis.cases(*[(file_no == i, n) for i, n in enumerate(names)], else_=UNKNOWN_FILE)


def first_line(path: Path) -> int:
    """The line of a file's first row: 2 in a CSV (the header is line 1), else 1."""
    return 2 if file_format(path) == "csv" else 1
