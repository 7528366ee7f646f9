"""`checker.engine.backends`: a backend by name or by connection; others refused by name."""

from __future__ import annotations

import pytest

from checker.cli import main
from checker.engine.backends import EngineOptions, open_backend
from checker.engine.backends.duckdb import DuckDB
from checker.errors import HuitouError


def test_duckdb_is_the_default_backend() -> None:
    with open_backend(EngineOptions()) as backend:
        assert isinstance(backend, DuckDB)
        assert backend.con.name == "duckdb" and backend.workdir.is_dir()


def test_an_unknown_engine_is_refused_by_name() -> None:
    with pytest.raises(HuitouError, match="Unsupported engine") as caught:
        with open_backend(EngineOptions(engine="sqlite")):
            pass
    assert "'sqlite'" in str(caught.value) and "duckdb, spark" in str(caught.value)


def test_the_cli_offers_both_engines(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "x.csv", "--engine", "sqlite"])
    assert caught.value.code == 2
    assert "invalid choice: 'sqlite' (choose from 'duckdb', 'spark')" in capsys.readouterr().err
