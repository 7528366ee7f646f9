"""`checker.engine.backends.duckdb_run`: queries compiled ahead give what Ibis' own run gives;
an expression built alike is compiled once."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import ibis
import pyarrow as pa
import pytest

from checker.engine.backends import duckdb_run
from checker.engine.backends.duckdb import duckdb_session
from checker.engine.backends.duckdb_run import compiled, sql_of
from checker.engine.in_turn import results_in_turn
from checker.memo import Memo


def _expressions() -> list[ibis.Table]:
    """Queries over an in-memory table (registered only when a query runs), with the types
    an audit's results hold: timestamps, small integers, lists of structs, NULLs. Made from
    Arrow, as the engine's in-memory tables are (a dict would go through pandas)."""
    t = ibis.memtable(
        pa.table(
            {
                "key": [3, 1, 2, 1],
                "ts": [datetime(2025, 3, 3, 10), None, datetime(2025, 3, 4), datetime(2025, 3, 5)],
                "text": ["a", None, "c", "d"],
            }
        )
    )
    row = ibis.struct({"key": t.key, "ts": t.ts, "s": (t.key % 2).cast("int8")})
    return [
        t.order_by("key", "text"),
        t.aggregate(n=t.count(), rows=row.collect(where=t.key > 1)),
        t.group_by("key").aggregate(first=t.ts.min()).order_by("key"),
    ]


def test_compiled_queries_give_what_ibis_gives() -> None:
    with duckdb_session() as (con, _):
        for expr in _expressions():
            ours = compiled(con, expr)()
            theirs = con.to_pyarrow(expr)
            assert ours.schema == theirs.schema
            if "rows" in ours.column_names:  # a list's order is the backend's choice
                ours = ours.drop_columns("rows")
                theirs = theirs.drop_columns("rows")
            assert ours.equals(theirs)


def test_compiled_on_another_thread_runs_on_the_connection() -> None:
    """Compiled on a thread while nothing is registered yet; run later where the runner is."""
    with duckdb_session() as (con, _):
        expr = _expressions()[0]
        box: list = []
        worker = threading.Thread(target=lambda: box.append(compiled(con, expr)))
        worker.start()
        worker.join()
        assert box[0]().column("key").to_pylist() == [1, 1, 2, 3]


def test_other_backends_run_the_expression_as_it_is() -> None:
    expr = _expressions()[0]
    assert compiled(object(), expr) == expr.to_pyarrow  # type: ignore[arg-type]


def test_results_come_in_order_and_errors_are_raised() -> None:
    with duckdb_session() as (con, _):
        exprs = _expressions()
        results = list(results_in_turn(lambda e: compiled(con, e), exprs))
        assert [r.num_rows for r in results] == [4, 1, 3]
        bad = ibis.literal("not a number").cast("int64").name("n").as_table()
        with pytest.raises(Exception, match="not a number"):
            list(results_in_turn(lambda e: compiled(con, e), [exprs[0], bad, exprs[1]]))
        # the connection is free again afterwards
        assert con.to_pyarrow(exprs[2]).num_rows == 3


def test_leaving_early_leaves_the_connection_usable() -> None:
    with duckdb_session() as (con, _):
        exprs = _expressions() * 3
        results = results_in_turn(lambda e: compiled(con, e), exprs)
        assert isinstance(next(results), pa.Table)
        results.close()  # waits for the query running, cancels the rest
        assert con.to_pyarrow(exprs[2]).num_rows == 3


def test_an_equal_expression_is_compiled_once_and_another_afresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`sql_of` reuses the SQL of an expression built alike (over a table of a fixed name),
    compiles a different one, and keeps only the latest `KEPT` of them."""
    monkeypatch.setattr(duckdb_run, "COMPILED", Memo(2))

    def query(limit: int) -> ibis.Table:
        t = ibis.table({"key": "int64", "text": "string"}, name="fixed")
        return t.filter(t.key > limit).select("text")

    with duckdb_session() as (con, _):
        first = sql_of(con, query(1))
        assert sql_of(con, query(1)) is first  # built anew, equal: not compiled again
        other = sql_of(con, query(2))
        assert other != first and "2" in other
        sql_of(con, query(3))  # the oldest (limit 1) is dropped
        assert len(duckdb_run.COMPILED) == 2
        assert (duckdb_run.COMPILED.asked, duckdb_run.COMPILED.made) == (4, 3)
        again = sql_of(con, query(1))
        assert again == first and again is not first
        con.raw_sql('CREATE TABLE "fixed" AS SELECT 5 AS "key", \'x\' AS "text"')
        assert con.raw_sql(again).fetchall() == [("x",)]


def test_a_second_audit_compiles_only_what_differs(tmp_path: Path) -> None:
    """An audit run again in the same process (a new connection, tables of its own)
    compiles no query anew; an audit of another file with the same columns reuses the
    reading of it (and more), compiles what names the file or its days, and reads its own
    file."""
    from checker.engine.audit import evaluate_outcomes
    from checker.playbook.load import load_playbook

    pb = load_playbook()
    header = "ts,customer_id,event,channel\n"
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text(header + "2025-03-01 10:00:00,c1,purchase,shop\n", encoding="utf-8")
    two.write_text(header + "2025-03-02 10:00:00,c2,purchase,online\n", encoding="utf-8")
    before = set(duckdb_run.COMPILED.keys())
    first = evaluate_outcomes([one], pb)
    compiled_first = [k for k in duckdb_run.COMPILED.keys() if k not in before]
    assert len(compiled_first) > 5  # the reading, the copies, the passes
    kept = set(duckdb_run.COMPILED.keys())
    assert evaluate_outcomes([one], load_playbook()) == first
    assert set(duckdb_run.COMPILED.keys()) == kept  # nothing new
    table = evaluate_outcomes([two], load_playbook())
    compiled_two = [k for k in duckdb_run.COMPILED.keys() if k not in kept]
    assert 0 < len(compiled_two) < len(compiled_first)
    assert set(table["customer_id"].to_pylist()) <= {"c2", None}
