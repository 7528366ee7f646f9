"""`checker.engine.backends.duckdb`: the DuckDB session opens with its settings and closes whole,
here or on a closer thread."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import ibis
import pyarrow as pa
import pytest

from checker.engine import cache
from checker.engine.backends import duckdb as session
from checker.engine.backends.duckdb import duckdb_session
from checker.errors import HuitouError


def _setting(con: ibis.BaseBackend, name: str) -> str:
    return str(con.raw_sql(f"SELECT current_setting('{name}')").fetchone()[0])


def test_the_session_has_its_memory_limit() -> None:
    with duckdb_session("1GB") as (con, _):
        assert _setting(con, "memory_limit") in {"953.6 MiB", "1.0 GB", "1.0 GiB"}


def _use(con: ibis.BaseBackend) -> str:
    """A tracked table in the session (as the engine's cached tables are); its name."""
    base = con.create_table("base", ibis.memtable(pa.table({"a": [1, 2, 3]})), temp=True)
    table = cache.materialize(base.mutate(b=base.a * 2))
    assert con.to_pyarrow(table)["b"].to_pylist() == [2, 4, 6]
    return table.get_name().rsplit(".", 1)[-1]


def _tables(con: ibis.BaseBackend) -> set[str]:
    return {row[0] for row in con.raw_sql("SELECT table_name FROM duckdb_tables()").fetchall()}


def test_detaching_hands_over_what_drops_the_tracked_tables() -> None:
    with duckdb_session() as (con, _):
        token = cache.begin()
        name = _use(con)
        drop = cache.detach(token)
        assert name in _tables(con)
        drop()
        assert name not in _tables(con)


def test_leaving_closes_the_database_and_removes_the_scratch_folder() -> None:
    with duckdb_session() as (con, scratch):
        assert _use(con) in _tables(con) and scratch.is_dir()
    assert not scratch.exists()
    with pytest.raises(Exception):  # noqa: B017 - closed: any use fails
        con.raw_sql("SELECT 1")


def test_a_closer_closes_the_session_on_its_thread() -> None:
    with ThreadPoolExecutor(1) as closer:
        with duckdb_session(closer=closer) as (con, scratch):
            _use(con)
        kept: Path = scratch
    assert not kept.exists()  # shutting the closer down waited for the close


def test_a_close_that_fails_on_the_closer_is_told() -> None:
    def fail() -> None:
        raise OSError("disk gone")

    with pytest.warns(RuntimeWarning, match="disk gone"), ThreadPoolExecutor(1) as closer:
        with duckdb_session(closer=closer) as (_, scratch):
            cache.hold(ibis.memtable(pa.table({"a": [1]})), fail)
    assert not scratch.exists()


def test_a_bad_memory_limit_is_a_usage_error_and_leaves_nothing_behind() -> None:
    before = set(Path(tempfile.gettempdir()).glob("huitou-*"))
    with pytest.raises(HuitouError, match="memory-limit"), duckdb_session("lots"):
        pass
    assert set(Path(tempfile.gettempdir()).glob("huitou-*")) == before


def test_the_result_converter_is_imported_while_the_session_starts() -> None:
    """Imported on a thread of its own (see `session.RESULT_CONVERTER`); a module that
    cannot be imported is left quietly for the import where it is needed."""
    imported = sys.modules.pop(session.RESULT_CONVERTER, None)
    try:
        with duckdb_session():
            for _ in range(500):
                if session.RESULT_CONVERTER in sys.modules:
                    break
                time.sleep(0.01)
            assert session.RESULT_CONVERTER in sys.modules
    finally:
        if imported is not None:  # the module as every other test knows it
            sys.modules[session.RESULT_CONVERTER] = imported
    session._import_quietly("checker.no_such_module")  # no error


def test_running_out_of_memory_is_a_usage_error_that_says_what_to_do() -> None:
    greedy = "SELECT string_agg(range::VARCHAR || repeat('x', 30), ',') FROM range(3000000)"
    with pytest.raises(HuitouError) as caught, duckdb_session("20MB") as (con, _):
        con.con.sql(greedy).fetchall()
    err = caught.value
    assert err.exit_code == 2
    assert "--memory-limit 20MB" in err.summary
    assert "--memory-limit 40MB" in str(err.problems[0]) and "Out of Memory" in str(err)


@pytest.mark.parametrize(
    ("limit", "twice"), [("3GB", "6GB"), ("1.5GB", "3GB"), ("512MB", "1024MB")]
)
def test_the_advice_doubles_the_limit(limit: str, twice: str) -> None:
    assert session._doubled(limit) == twice


def test_an_audit_out_of_memory_exits_2_naming_the_limit(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "examples" / "demo"
    cmd = [sys.executable, "-m", "checker", "check", str(demo / "events.csv")]
    done = subprocess.run(
        [*cmd, "--memory-limit", "1MB"], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 2, done.stderr
    assert "ran out of memory" in done.stderr and "--memory-limit 2MB" in done.stderr
    assert "Traceback" not in done.stderr
