"""`checker.engine.in_turn`: queries one after another on a thread, results in order."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from collections.abc import Callable

import pytest

from checker.engine.in_turn import in_turn


def _job(value: int, log: list[tuple[str, int]], lock: threading.Lock) -> Callable[[], int]:
    def run() -> int:
        with lock:
            log.append(("start", value))
        time.sleep(0.01)
        with lock:
            log.append(("end", value))
        return value * 10

    return run


def test_results_come_in_order_and_the_jobs_run_one_at_a_time_ahead_of_the_reader() -> None:
    log: list[tuple[str, int]] = []
    lock = threading.Lock()
    results = in_turn([_job(i, log, lock) for i in range(4)])
    assert next(results) == 0
    time.sleep(0.2)  # the reader is slow: the other jobs run meanwhile, not when asked
    with lock:
        assert ("end", 3) in log
    assert list(results) == [10, 20, 30]
    # never two at once: each job ends before the next starts
    assert log == [(step, i) for i in range(4) for step in ("start", "end")]


def test_the_jobs_run_off_the_readers_thread() -> None:
    threads = list(in_turn([threading.get_ident, threading.get_ident]))
    assert threads[0] == threads[1] != threading.get_ident()


def test_a_failing_job_raises_where_its_result_is_read_and_the_rest_do_not_run() -> None:
    ran: list[str] = []

    def fail() -> int:
        raise ValueError("bad query")

    def later() -> int:
        time.sleep(0.05)
        ran.append("later")
        return 3

    results = in_turn([lambda: 1, fail, *[later] * 5])
    assert next(results) == 1
    with pytest.raises(ValueError, match="bad query"):
        next(results)
    # the job running when the error was read is waited for; those not started never run
    after = len(ran)
    assert after < 5
    time.sleep(0.3)
    assert len(ran) == after


def test_leaving_early_cancels_the_jobs_not_started() -> None:
    ran: list[int] = []

    def job(i: int) -> Callable[[], int]:
        def run() -> int:
            time.sleep(0.05)
            ran.append(i)
            return i

        return run

    results = in_turn([job(i) for i in range(6)])
    assert next(results) == 0
    results.close()  # the reader stops: waits for the running job, cancels the others
    assert len(ran) < 6
    done = len(ran)
    time.sleep(0.2)
    assert len(ran) == done


def test_ahead_bounds_the_results_waiting_for_a_slow_reader() -> None:
    log: list[tuple[str, int]] = []
    lock = threading.Lock()
    results = in_turn([_job(i, log, lock) for i in range(4)], ahead=1)
    assert next(results) == 0
    time.sleep(0.2)  # the reader is slow: only the next job runs meanwhile
    with lock:
        assert ("end", 1) in log
        assert ("start", 2) not in log
    assert next(results) == 10
    time.sleep(0.2)
    with lock:
        assert ("end", 2) in log
        assert ("start", 3) not in log
    assert list(results) == [20, 30]
    assert log == [(step, i) for i in range(4) for step in ("start", "end")]


def test_ahead_zero_runs_each_job_when_its_result_is_asked_for() -> None:
    log: list[tuple[str, int]] = []
    lock = threading.Lock()
    results = in_turn([_job(i, log, lock) for i in range(3)], ahead=0)
    assert next(results) == 0
    time.sleep(0.1)
    with lock:
        assert ("start", 1) not in log
    assert list(results) == [10, 20]


class _Result:
    """A result a weak reference can follow."""


@pytest.mark.parametrize("ahead", [None, 1])
def test_a_result_read_is_not_kept(ahead: int | None) -> None:
    """Once the reader lets a result go and asks for the next, nothing holds it (a pass's
    result can be large)."""
    results = in_turn([_Result for _ in range(3)], ahead)
    first = weakref.ref(next(results))  # the reader drops it at once
    next(results)
    gc.collect()
    assert first() is None
    assert len(list(results)) == 1
