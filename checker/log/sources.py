"""Open log files on a DuckDB connection as raw string tables with file, line and seq.

Backend-specific by nature (how a file becomes a table); everything after it is plain Ibis.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import ibis
import ibis.expr.types as ir

from checker.errors import HuitouError, Problem
from checker.log.columns import CANONICAL, REQUIRED
from checker.log.encoding import as_utf8

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
# seq = file number * FILE_STRIDE + line: input order across files, the same on every backend.
FILE_STRIDE = 10**10


def file_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise HuitouError(
            "Unknown log format.",
            [Problem("use a .csv, .jsonl or .parquet file", file=str(path))],
        )
    return fmt


def _open(con: ibis.BaseBackend, path: Path, fmt: str, workdir: Path, whole: bool) -> ir.Table:
    if fmt == "csv":
        return con.read_csv(
            as_utf8(path, workdir, whole=whole),
            all_varchar=True,
            header=True,
            null_padding=True,
            sep="\t" if path.suffix == ".tsv" else ",",
        )
    if fmt == "json":
        return con.read_json(path, format="newline_delimited")
    return con.read_parquet(path)


def open_log(
    con: ibis.BaseBackend,
    path: Path,
    index: int,
    column_aliases: dict[str, str],
    workdir: Path,
    problems: list[Problem],
    whole: bool = True,
) -> ir.Table | None:
    """One file as a table of the canonical columns (strings) plus file, line, seq."""
    if not path.is_file():
        raise HuitouError("Log file not found.", [Problem("no such file", file=str(path))])
    if path.stat().st_size == 0:
        return None
    fmt = file_format(path)
    try:
        t = _open(con, path, fmt, workdir, whole)
    except HuitouError:
        raise
    except Exception as exc:  # DuckDB's own parse errors carry the line; pass them on
        raise HuitouError(
            "Cannot parse a log file.", [Problem(f"{exc}".splitlines()[0], file=str(path))]
        ) from exc
    renames = {}
    for col in t.columns:
        name = column_aliases.get(col.strip(), col.strip().lower().lstrip("\ufeff"))
        if name in CANONICAL and name not in renames.values():
            renames[col] = name
    missing = [c for c in REQUIRED if c not in renames.values()]
    if missing:
        problems.append(
            Problem(
                f"no column for {', '.join(missing)} (columns: {', '.join(t.columns)}); rename it "
                "or map it under column_aliases in your playbook",
                file=str(path),
                line=1,
            )
        )
        return None
    first_line = 2 if fmt == "csv" else 1  # CSV header = line 1
    cols: dict[str, ir.Value] = {
        name: (t[src].cast("string") if src else ibis.null("string"))
        for name in CANONICAL
        for src in [next((c for c, n in renames.items() if n == name), None)]
    }
    line = ibis.row_number() + first_line
    return t.select(
        **cols,
        file_no=ibis.literal(index, type="int64"),
        line=line.cast("int64"),
        seq=(line + index * FILE_STRIDE).cast("int64"),
    )


EMPTY_SCHEMA = ibis.schema(
    {**{c: "string" for c in CANONICAL}, "file_no": "int64", "line": "int64", "seq": "int64"}
)


def file_name(file_no: ir.IntegerValue, names: list[str]) -> ir.StringValue:
    """The input file's name for a ``file_no`` (a handful of files: a small CASE)."""
    return ibis.cases(*[(file_no == i, n) for i, n in enumerate(names)], else_="?")


def open_logs(
    con: ibis.BaseBackend,
    paths: list[Path],
    column_aliases: dict[str, str],
    workdir: Path,
    *,
    whole: bool = True,
) -> ir.Table:
    """All files as one table (input order kept in ``seq``); empty files add no rows.
    ``whole=False``: a CSV's encoding is told from its head (see `read_all`)."""
    problems: list[Problem] = []
    tables = [
        t
        for i, p in enumerate(paths)
        if (t := open_log(con, p, i, column_aliases, workdir, problems, whole)) is not None
    ]
    if problems:
        raise HuitouError("Log files lack required columns:", problems)
    if not tables:
        return ibis.memtable(EMPTY_SCHEMA.to_pyarrow().empty_table())
    return tables[0].union(*tables[1:]) if len(tables) > 1 else tables[0]


T = TypeVar("T")
_CSV_LINE = re.compile(r"on Line: ([0-9]+)")
_CSV_FILE = re.compile(r"^\s*file = (.+)$", re.MULTILINE)


def _what(text: str) -> str:
    """DuckDB's account of a bad row without its advice, its settings or the row itself
    (which may hold customer data)."""
    lines = text.split("Possible fixes")[0].splitlines()
    said = [x.strip() for x in lines[1:] if x.strip() and not x.startswith("Original Line")]
    return "; ".join(said) or lines[0]


def read_all(load: Callable[[bool], T]) -> T:
    """``load(whole=False)``; when DuckDB then meets bytes that are not UTF-8 past a file's
    head, ``load(whole=True)`` (every file checked in full, GBK transcoded). Other errors
    met while reading a file become a usage error naming the file and line."""
    try:
        return load(False)
    except duckdb.InvalidInputException as exc:
        text = str(exc)
        if "invalid unicode" in text.lower():
            return load(True)
        line, file = _CSV_LINE.search(text), _CSV_FILE.search(text)
        problem = Problem(
            _what(text) + "; fix the row or re-export the file",
            file=file.group(1).strip() if file else None,
            line=int(line.group(1)) if line else None,
        )
        raise HuitouError("Cannot parse a log file.", [problem]) from exc
