"""The terminal: NO_COLOR and FORCE_COLOR honoured (through rich), "did you mean" for
mistyped commands, flags and choices."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main
from tests.commands.terminal_io import drain

ROOT = Path(__file__).resolve().parents[2]
LOG = "ts,customer_id,event,channel,agent_id\n2025-03-03 10:00,C1,complaint,im,\n"


def _run_on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """stdout of ``python -m checker ARGS`` written to a pseudo-terminal."""
    leader, follower = os.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env, TERM="xterm-256color", COLUMNS="120")
    proc = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=ROOT,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=full_env,
        check=False,
        timeout=300,
    )
    os.close(follower)
    out = drain(leader)
    assert proc.returncode in (0, 1), out
    return out


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("term") / "log.csv"
    path.write_text(LOG, encoding="utf-8")
    return path


def test_a_terminal_gets_colour(log: Path) -> None:
    assert b"\x1b[" in _run_on_a_terminal(["check", str(log)], {})


def test_no_color_turns_it_off(log: Path) -> None:
    out = _run_on_a_terminal(["check", str(log)], {"NO_COLOR": "1"})
    assert b"\x1b[" not in out and "回头客".encode() in out


def test_force_color_turns_it_on_in_a_pipe(log: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    piped = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(log)],
        cwd=ROOT,
        capture_output=True,
        env={**env, "FORCE_COLOR": "1"},
        check=False,
        timeout=300,
    )
    assert b"\x1b[" in piped.stdout
    plain = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(log)],
        cwd=ROOT,
        capture_output=True,
        env={k: v for k, v in env.items() if k != "FORCE_COLOR"},
        check=False,
        timeout=300,
    )
    assert b"\x1b[" not in plain.stdout and plain.stdout


def test_no_escape_codes_are_written_by_hand() -> None:
    for path in (ROOT / "checker").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "\\x1b[" not in text and "\\033[" not in text, path


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["chek", "x.csv"], "did you mean 'check'?"),
        (["lnt"], "did you mean 'lint'?"),
        (["explian", "x"], "did you mean 'explain'?"),
        (["check", "x.csv", "--fial-on", "never"], "'--fial-on': did you mean '--fail-on'?"),
        (["check", "x.csv", "--custmers", "c.csv"], "did you mean '--customers'?"),
        (["check", "x.csv", "--outptu=r.txt"], "did you mean '--output'?"),
        (["check", "x.csv", "--format", "jsno"], "did you mean 'json'?"),
        (["check", "x.csv", "--fail-on", "eror"], "did you mean 'error'?"),
        (["lint", "--playbok", "p"], "did you mean '--playbook'?"),
        (["handbook", "biuld"], "did you mean 'build'?"),
        (["handbook", "serve", "--playbok", "p"], "did you mean '--playbook'?"),
        (["schema", "playbok"], "did you mean 'playbook'?"),
    ],
)
def test_mistyped_words_get_a_suggestion(
    capsys: pytest.CaptureFixture[str], argv: list[str], hint: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert hint in err, err
    assert "Traceback" not in err


def test_nothing_close_gets_no_guess(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "x.csv", "--zzzzzz"])
    err = capsys.readouterr().err
    assert "unrecognized arguments: --zzzzzz" in err and "did you mean" not in err
