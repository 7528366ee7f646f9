"""What the engine asks of a backend: everything that is not plain Ibis.

The rule kinds, the evaluation plan and the report order are backend-neutral Ibis
expressions. A backend adds only what differs from one engine to another: how the log
files become one table of raw rows with their place (``seq``, ``file_no``, ``line``), how
the customers file is read, how a query is run, and how the audit's findings (Parquet files
in its scratch folder) are sorted into the report's order on disk. Its session (the
connection, a scratch folder, settings such as the IGNORE NULLS rewrite) is opened in its own
module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from checker.engine import cache
from checker.engine.report_order import report_keys
from checker.errors import HuitouError, Problem
from checker.log.columns import CANONICAL, REQUIRED

# Raw rows (the canonical columns, strings, and perhaps the rows' places) -> the rows the
# audit keeps of them: row by row, so a backend may pass each file through it or all at once.
Build = Callable[[ir.Table], ir.Table]
# A query's rows, now (`Backend.fetch`; `ir.Table.to_pyarrow` where there is no backend).
Fetch = Callable[[ir.Table], pa.Table]


class Backend(ABC):
    """An audit's backend: an Ibis connection and a scratch folder, and what it does its
    own way."""

    name: ClassVar[str]

    def __init__(self, con: ibis.BaseBackend, workdir: Path) -> None:
        self.con = con
        self.workdir = workdir

    @abstractmethod
    def read_logs(
        self,
        paths: list[Path],
        aliases: dict[str, str],
        build: Build,
        on_rows: Callable[[int], None] | None = None,
    ) -> ir.Table:
        """Every row of ``paths`` (canonical columns, strings), passed through ``build``
        (file by file or all together: it works row by row), as ONE table held for the
        session (see `checker.engine.cache`), with ``seq``, ``file_no`` and ``line``
        (`checker.log.sources.place`). A row's line is its record's number in the file (CSV:
        the header is line 1, a quoted line break does not count; JSON Lines: blank lines do
        not count). Rows that cannot be read at all raise a `HuitouError` naming the file and
        line. ``on_rows`` is told the rows read so far, as they are read (a progress display)."""

    @abstractmethod
    def read_customers(self, path: Path) -> ir.Table:
        """The customers CSV as strings, its header's columns as they are, plus ``line``."""

    def runner(self, expr: ir.Table) -> Callable[[], pa.Table]:
        """How to run ``expr`` (prepared now, on any thread; run later, in turn)."""
        return expr.to_pyarrow

    def fetch(self, expr: ir.Table) -> pa.Table:
        """``expr``'s rows, now."""
        return self.runner(expr)()

    def materialize(self, expr: ir.Table) -> ir.Table:
        """``expr`` copied into a table of the session's (see `checker.engine.cache`)."""
        return cache.materialize(expr)

    def write_in_report_order(self, spilled: list[Path], files: list[str], out: Path) -> None:
        """The findings of the ``spilled`` Parquet files (one schema), sorted as the report
        lists them (see `checker.engine.report_order`), written to ``out`` (Parquet): by the
        backend, in parallel, and beyond its memory limit by spilling to its scratch folder."""
        t = self.con.read_parquet(spilled)
        self.con.to_parquet(t.order_by(report_keys(t, files)), out)


def canonical(
    t: ir.Table,
    aliases: dict[str, str],
    path: Path,
    problems: list[Problem],
    keep: tuple[str, ...] = (),
) -> ir.Table | None:
    """``t`` with the canonical columns (strings; NULL where the file has none), its own
    columns matched by name, case, spaces, a BOM and the playbook's ``column_aliases``, and
    the columns ``keep`` as they are; None when a required column is missing (told in
    ``problems``)."""
    renames: dict[str, str] = {}
    for col in t.columns:
        if col in keep:
            continue
        name = aliases.get(col.strip(), col.strip().lower().lstrip("\ufeff"))
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
    source = {name: col for col, name in renames.items()}
    return t.select(
        *keep,
        **{
            name: (t[source[name]].cast("string") if name in source else ibis.null("string"))
            for name in CANONICAL
        },
    )


def missing_columns(problems: list[Problem]) -> None:
    """Every file's missing columns at once."""
    if problems:
        raise HuitouError("Log files lack required columns:", problems)


def customers_file(path: Path) -> Path:
    """``path``, when it is a file."""
    if not path.is_file():
        raise HuitouError("Customers file not found.", [Problem("no such file", file=str(path))])
    return path


def no_customer_id(columns: list[str], path: Path) -> HuitouError:
    return HuitouError(
        "The customers file has no customer_id column.",
        [Problem(f"columns are {', '.join(columns)}; add customer_id", file=str(path), line=1)],
    )
