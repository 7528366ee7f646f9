"""Fixtures every test folder may use: the CLI run in-process and one headless Chromium.

Playwright's sync API refuses to start while another sync instance is open in the same
thread, so the handbook and the HTML report share this one session-wide browser."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main
from checker.gc_tuning import collect_less_often
from tests import hypothesis_profiles

hypothesis_profiles.load()  # HYPOTHESIS_PROFILE=nightly: a deeper run (see the README)
collect_less_often()  # as `huitou` runs, also for tests that call the engine directly


def pytest_collection_finish(session: pytest.Session) -> None:
    """The modules and test items collected live for the whole run: frozen, the cycle
    collector's full passes no longer rescan them."""
    gc.collect()
    gc.freeze()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """Under ``--dist loadgroup``, the handbook's and the Spark tests each on one worker (see
    `tests.worker_groups`); other modes as pytest-xdist makes them."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from tests.worker_groups import FolderGroupScheduling

    return FolderGroupScheduling(config, log)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``cli("check", path, ...)`` -> (exit code, stdout, stderr)."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (skipped where Playwright is not installed)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
