"""Log files into one DuckDB table of raw rows, each with its place (seq, file_no, line)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import duckdb
import ibis
import ibis.expr.types as ir

from checker.engine.backends.base import Build, canonical, missing_columns
from checker.engine.backends.duckdb_run import ready
from checker.engine.backends.duckdb_tables import table_name
from checker.errors import HuitouError, Problem
from checker.log.encoding import as_utf8
from checker.log.json_lines import not_objects
from checker.log.places import place, seq_of
from checker.log.sources import (
    EMPTY_SCHEMA,
    checked,
    file_format,
    first_line,
    separator,
)

# How much of a CSV file DuckDB reads at a time. Each piece becomes a batch of rows that is
# written in input order; a batch smaller than a row group (122,880 rows) is copied into a
# merged one, a larger one is kept as it is. DuckDB's default piece is about 60,000 rows of a
# typical log: writing the 10M-event benchmark log took 5.5 s with it, 4.7 s with this.
CSV_BUFFER_BYTES = 32 * 2**20
RAW = "huitou_raw"  # the view each file's rows are read through, one file at a time


@dataclass(frozen=True)
class ReadMode:
    """How CSV files are read. The fast way first; `read_all` reads again the careful way
    when DuckDB says it must."""

    whole: bool = False  # tell the encoding from the whole file, not from its head
    serial: bool = False  # one reader thread: quoted line breaks (multi-line message text)


def _open(con: ibis.BaseBackend, path: Path, fmt: str, workdir: Path, mode: ReadMode) -> ir.Table:
    if fmt == "csv":
        return con.read_csv(
            as_utf8(path, workdir, whole=mode.whole),
            all_varchar=True,
            header=True,
            null_padding=True,  # a short row is read (and rejected), not an error
            sep=separator(path),
            buffer_size=CSV_BUFFER_BYTES,
            **({"parallel": False} if mode.serial else {}),
        )
    if fmt == "json":
        return con.read_json(path, format="newline_delimited", records="true")
    return con.read_parquet(path)


def open_log(
    con: ibis.BaseBackend,
    path: Path,
    column_aliases: dict[str, str],
    workdir: Path,
    problems: list[Problem],
    mode: ReadMode,
) -> ir.Table | None:
    """One file as a table of the canonical columns (strings); None for an empty file or one
    that lacks a required column (told in ``problems``)."""
    if not checked(path):
        return None
    try:
        t = _open(con, path, file_format(path), workdir, mode)
    except HuitouError:
        raise
    except Exception as exc:  # DuckDB's own parse errors carry the line; pass them on
        if file_format(path) == "json" and "non-record JSON" in str(exc):
            raise not_objects(path, str(path)) from exc
        raise HuitouError(
            "Cannot parse a log file.", [Problem(f"{exc}".splitlines()[0], file=str(path))]
        ) from exc
    return canonical(t, column_aliases, path, problems)


def open_logs(
    con: ibis.BaseBackend,
    paths: list[Path],
    column_aliases: dict[str, str],
    workdir: Path,
    mode: ReadMode,
) -> list[tuple[int, ir.Table]]:
    """(file_no, table) of every non-empty file (see `open_log`), in argument order; all
    files' missing columns are reported at once."""
    problems: list[Problem] = []
    tables = [
        (i, t)
        for i, p in enumerate(paths)
        if (t := open_log(con, p, column_aliases, workdir, problems, mode)) is not None
    ]
    missing_columns(problems)
    return tables or [(0, ibis.memtable(EMPTY_SCHEMA.to_pyarrow().empty_table()))]


def stack_in_order(
    con: ibis.BaseBackend,
    parts: list[tuple[int, ir.Table]],
    build: Build,
    paths: list[Path],
    on_rows: Callable[[int], None] | None = None,
) -> tuple[ir.Table, Callable[[], None]]:
    """Write the files' rows (``(file_no, table)`` parts, each passed through ``build``)
    one file after another into one table and read it back with ``seq``, ``file_no`` and
    ``line`` from each row's place in that table: DuckDB keeps input order when it writes a
    table, so there is no ``row_number()`` over the scan (which would hold every row for a
    window). Returns the table and how to drop it; ``on_rows`` is told the rows written
    after each file.

    Each file is read through one view, `RAW`, and ``build`` is compiled over that name
    (`checker.engine.backends.duckdb_run.sql_of`): the same playbook over the same columns
    compiles once a process, however many files and audits."""
    name = table_name(con, "huitou_rows")
    starts: list[tuple[int, int]] = []  # (file_no, rowid of its first row)
    rows = 0
    try:
        for file_no, part in parts:
            con.create_view(RAW, part, overwrite=True)
            rows_of = build(ibis.table(part.schema(), name=RAW))
            query = ready(con, rows_of)  # any in-memory table it reads registered
            # The names are ours, the query Ibis's: no value is pasted into SQL. DuckDB
            # answers both statements with the number of rows written (no count query).
            if not starts:
                done = con.raw_sql(f'CREATE TEMP TABLE "{name}" AS {query}')
            else:
                done = con.raw_sql(f'INSERT INTO "{name}" BY NAME {query}')
            starts.append((file_no, rows))
            rows += done.fetchone()[0]
            if on_rows is not None:
                on_rows(rows)
    except BaseException:
        con.drop_table(name, force=True)
        raise
    finally:
        con.drop_view(RAW, force=True)
    # `rowid` is DuckDB's row address, in the order the rows were written; a view exposes it
    # to Ibis (the names are ours; no value is pasted into SQL).
    view = f"{name}_at"
    con.raw_sql(f'CREATE TEMP VIEW "{view}" AS SELECT rowid AS _row, * FROM "{name}"')
    t = con.table(view)
    ends = [start for _, start in starts[1:]] + [rows]
    shift = ibis.cases(
        *[
            (t._row < end, seq_of(no, first_line(paths[no]) - start))
            for (no, start), end in zip(starts, ends, strict=True)
        ],
        else_=0,
    )
    out = t.mutate(seq=(t._row + shift).cast("int64")).drop("_row")
    file_no, line = place(out.seq)
    out = out.mutate(file_no=file_no, line=line)
    return out, lambda: (con.drop_view(view, force=True), con.drop_table(name, force=True))


T = TypeVar("T")
_CSV_LINE = re.compile(r"on Line: ([0-9]+)")
_CSV_FILE = re.compile(r"^\s*file = (.+)$", re.MULTILINE)


def _what(text: str) -> str:
    """DuckDB's account of a bad row without its advice, its settings or the row itself
    (which may hold customer data)."""
    lines = text.split("Possible fixes")[0].splitlines()
    said = [x.strip() for x in lines[1:] if x.strip() and not x.startswith("Original Line")]
    return "; ".join(said) or lines[0]


def read_all(load: Callable[[ReadMode], T], mode: ReadMode = ReadMode()) -> T:
    """``load(mode)``, the fast way first. When DuckDB then meets bytes that are not UTF-8
    past a file's head, again with every file checked in full (GBK transcoded); when it
    meets a quoted line break (which its parallel reader cannot split), again with one
    reader thread. Other errors met while reading a file become a usage error naming the
    file and line."""
    try:
        return load(mode)
    except duckdb.Error as exc:
        text = str(exc)
        if "invalid unicode" in text.lower() and not mode.whole:
            return read_all(load, replace(mode, whole=True))
        if "quoted new lines" in text and not mode.serial:
            return read_all(load, replace(mode, serial=True))
        if not isinstance(exc, duckdb.InvalidInputException):
            raise
        line, file = _CSV_LINE.search(text), _CSV_FILE.search(text)
        problem = Problem(
            _what(text) + "; fix the row or re-export the file",
            file=file.group(1).strip() if file else None,
            line=int(line.group(1)) if line else None,
        )
        raise HuitouError("Cannot parse a log file.", [problem]) from exc
