"""The progress display: rows read and passes done, on a terminal only."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.commands.terminal_io import drain

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "events.csv"


def _stderr(on_terminal: bool) -> str:
    leader, follower = os.openpty() if on_terminal else (None, None)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker", "check", str(DEMO), "--fail-on", "never"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=follower if on_terminal else subprocess.PIPE,
        env={**env, "TERM": "xterm-256color", "COLUMNS": "160"},
    )
    if not on_terminal:
        _, err = proc.communicate(timeout=300)
        return err.decode()
    os.close(follower)
    out = drain(leader)
    assert proc.wait(timeout=300) == 0
    return out.decode(errors="replace")


def test_a_terminal_sees_rows_read_and_passes_done() -> None:
    rows = sum(1 for _ in DEMO.open(encoding="utf-8")) - 1
    text = _stderr(True)
    assert f"{rows:,} rows read" in text, text[-500:]
    done = [tuple(map(int, m)) for m in re.findall(r"(\d+)/(\d+) passes", text)]
    assert done, text[-500:]
    total = done[-1][1]
    assert total > 1 and (total, total) in done  # every pass is counted, to the last
    assert "checking the rules" in text


def test_a_pipe_sees_no_progress() -> None:
    text = _stderr(False)
    assert "rows read" not in text and "passes" not in text


def test_a_silent_audit_asks_for_no_row_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a display, reading is told no callback: on Spark each count it would make is
    a job of its own, a scan of the whole log. With one, the rows are told as read."""
    from checker.engine import audit
    from checker.engine.backends.duckdb import duckdb_session
    from checker.playbook.load import load_playbook
    from checker.progress import AuditProgress

    told: list[object] = []
    real = audit.prepare

    def prepare(*args: Any, **kwargs: Any) -> Any:
        told.append(kwargs["on_rows"])
        return real(*args, **kwargs)

    monkeypatch.setattr(audit, "prepare", prepare)
    pb = load_playbook()
    for enabled in (False, True):
        with duckdb_session() as (con, workdir), AuditProgress(enabled=enabled) as progress:
            audit.run_engine(con, workdir, [DEMO], pb, progress=progress)
    assert told[0] is None and callable(told[1])
