"""Helpers for the engine tests: the bundled demo log, prepared in a DuckDB session."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from checker.engine.backends.duckdb import duckdb_session
from checker.engine.prepare import Prepared, prepare
from checker.playbook import Playbook

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@contextmanager
def demo_prepared(pb: Playbook) -> Iterator[Prepared]:
    """The demo log and its customers file read and typed (the session open meanwhile)."""
    with duckdb_session() as (con, workdir):
        yield prepare(
            con,
            [DEMO / "events.csv"],
            pb,
            customers_path=DEMO / "customers.csv",
            as_of=None,
            workdir=workdir,
        )
