"""Queries run one after another on a thread of their own, while the caller reads results.

An audit runs a query per pass, and each result takes some Python work (unpacking the
findings, naming their columns) before it is ready. Run in line, the backend waits for that
work and the work for the backend. Here the backend runs the next query meanwhile (DuckDB
and Spark release the interpreter while they execute), so the Python work hides behind it.

The queries still run one at a time, in order, on one thread: a DuckDB connection takes one
call at a time, and every pass already has the backend's threads to itself. The caller must
not use the connection until every result is read.

A findings-heavy pass's result is large (hundreds of MB at 10M events): an audit lets one
query run ahead of its reader (``ahead=1``), not all of them, so no more than two results
are in memory at once, whichever is faster.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import ibis.expr.types as ir
import pyarrow as pa

T = TypeVar("T")
# How to run a query: prepared now (on any thread), run when called (see
# `checker.engine.backends.base.Backend.runner`).
Runner = Callable[[ir.Table], Callable[[], pa.Table]]


def in_turn(jobs: Sequence[Callable[[], T]], ahead: int | None = None) -> Iterator[T]:
    """Each job's result, in order; the jobs run one after another on a thread, the next one
    starting as soon as the last is done (not when its result is asked for). With ``ahead``,
    at most that many results wait unread beside the one being read: a job starts only
    then, so a slow reader bounds the memory the results take (None: no bound). Once the
    next result is asked for, nothing here holds the last one (the caller decides when it
    goes). Leaving early (an error while reading, or a job's error) cancels the jobs not yet
    started and waits for the running one."""
    waiting = iter(jobs)
    with ThreadPoolExecutor(1, thread_name_prefix="huitou-queries") as runner:
        futures: deque[Future[T]] = deque()

        def start(count: int) -> None:
            for job in itertools.islice(waiting, count):
                futures.append(runner.submit(job))

        start(len(jobs) if ahead is None else ahead)
        try:
            while True:
                start(1)  # runs while the result below is read
                if not futures:
                    return
                result = futures.popleft().result()  # the future goes, and its hold on it
                yield result
                del result
        finally:
            for future in futures:
                future.cancel()


def results_in_turn(
    runner: Runner, exprs: Sequence[ir.Table], ahead: int | None = None
) -> Iterator[pa.Table]:
    """Each expression's result as an Arrow table, in order: prepared ahead by ``runner`` on
    one thread (on DuckDB, compiled: see `checker.engine.backends.duckdb_run`), run one
    after another on another (see `in_turn`, whose rules apply: the caller must not use the
    connection until every result is read; ``ahead`` bounds the results waiting). Leaving
    early cancels the preparations not yet started."""
    preparer = ThreadPoolExecutor(1, thread_name_prefix="huitou-compile")
    try:
        ready = [preparer.submit(runner, expr) for expr in exprs]
        yield from in_turn([lambda job=job: job.result()() for job in ready], ahead)
    finally:
        preparer.shutdown(wait=True, cancel_futures=True)
