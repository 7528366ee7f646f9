"""Fixtures every test folder may use: the CLI run in-process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.cli import main
from tests import hypothesis_profiles

hypothesis_profiles.load()  # HYPOTHESIS_PROFILE=nightly: a deeper run (see the README)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``cli("check", path, ...)`` -> (exit code, stdout, stderr)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
