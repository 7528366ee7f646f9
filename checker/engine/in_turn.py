"""Queries run one after another on a thread of their own, while the caller reads results.

An audit runs a query per pass, and each result takes some Python work (unpacking the
findings, naming their columns) before it is ready. Run in line, the backend waits for that
work and the work for the backend. Here the backend runs the next query meanwhile (DuckDB
and Spark release the interpreter while they execute), so the Python work hides behind it.

The queries still run one at a time, in order, on one thread: a DuckDB connection takes one
call at a time, and every pass already has the backend's threads to itself. The caller must
not use the connection until every result is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import ibis.expr.types as ir
import pyarrow as pa

T = TypeVar("T")
# How to run a query: prepared now (on any thread), run when called (see
# `checker.engine.backends.base.Backend.runner`).
Runner = Callable[[ir.Table], Callable[[], pa.Table]]


def in_turn(jobs: Sequence[Callable[[], T]]) -> Iterator[T]:
    """Each job's result, in order; the jobs run one after another on a thread, the next one
    starting as soon as the last is done (not when its result is asked for). Leaving early
    (an error while reading, or a job's error) cancels the jobs not yet started and waits
    for the running one."""
    with ThreadPoolExecutor(1, thread_name_prefix="huitou-queries") as runner:
        futures = [runner.submit(job) for job in jobs]
        try:
            for future in futures:
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def results_in_turn(runner: Runner, exprs: Sequence[ir.Table]) -> Iterator[pa.Table]:
    """Each expression's result as an Arrow table, in order: prepared ahead by ``runner`` on
    one thread (on DuckDB, compiled: see `checker.engine.backends.duckdb_run`), run one
    after another on another (see `in_turn`, whose rules apply: the caller must not use the
    connection until every result is read). Leaving early cancels the preparations not yet
    started."""
    preparer = ThreadPoolExecutor(1, thread_name_prefix="huitou-compile")
    try:
        ready = [preparer.submit(runner, expr) for expr in exprs]
        yield from in_turn([lambda job=job: job.result()() for job in ready])
    finally:
        preparer.shutdown(wait=True, cancel_futures=True)
