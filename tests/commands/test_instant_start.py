"""`huitou --help`, `lint`, `rules`, `explain` and `schema` never build a query: they must not
import Ibis, DuckDB, pandas, pyarrow or numpy (which take most of a second to import). Each
command runs in-process in a fresh interpreter, which then reports the heavy modules it
imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("ibis", "duckdb", "pandas", "pyarrow", "numpy")

PROBE = """
import contextlib, io, json, sys
from checker.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "heavy": [m for m in HEAVY if m in sys.modules]}))
""".replace("HEAVY", repr(HEAVY))

COMMANDS = [
    ["--help"],
    ["check", "--help"],
    ["lint"],
    ["lint", "playbooks/seed"],
    ["rules"],
    ["rules", "--kinds"],
    ["explain", "cadence.greeting"],
    ["explain", "cadence.greeting", "--lang", "en"],
    ["schema"],
    ["schema", "log"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_command_imports_no_query_engine(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] in (0, None), done.stderr
    assert seen["heavy"] == [], f"`huitou {' '.join(argv)}` imported {seen['heavy']}"


def test_the_probe_sees_an_import_of_the_engine() -> None:
    """The probe itself works: a command that audits a log does import them."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "examples/demo/events.csv", "--fail-on", "never"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert set(seen["heavy"]) >= {"ibis", "duckdb"}


def test_the_engine_leaves_pandas_to_the_session_s_thread() -> None:
    """Importing what `huitou check` imports does not import pandas (0.15-0.2 s): a DuckDB
    session imports it on a thread of its own while its first query runs
    (`checker.engine.backends.duckdb`). A module that builds an Arrow array from Python
    values on import would import it first, on the main thread."""
    modules = ("checker.commands.check", "checker.engine.audit", "checker.findings")
    probe = f"import sys\nfor m in {modules!r}: __import__(m)\nprint('pandas' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False", done.stderr
