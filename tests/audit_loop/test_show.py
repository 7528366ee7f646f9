"""``--show`` through the command line: examples per rule, ``all``, and a bad value."""

from __future__ import annotations

import pytest

from checker.report.show import show_count
from tests.audit_loop.conftest import DEMO, run


def test_show_takes_a_number_or_all() -> None:
    assert show_count("3") == 3 and show_count(" ALL ") is None
    with pytest.raises(ValueError, match="a number or 'all'"):
        show_count("-1")


def test_the_text_report_shows_n_examples_per_rule_and_markdown_too() -> None:
    log = DEMO / "events.csv"
    _, one, _ = run("check", log, "--show", "1", "--fail-on", "never", "--lang", "en")
    _, every, _ = run("check", log, "--show", "all", "--fail-on", "never", "--lang", "en")
    assert "more not shown (--show all" in one and "more not shown" not in every
    assert len(one.splitlines()) < len(every.splitlines()) / 3
    _, md, _ = run("check", log, "--format", "markdown", "--show", "2", "--fail-on", "never")
    assert md.startswith("## 回头客服务审计") and "未列出" in md


def test_a_bad_show_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run("check", DEMO / "events.csv", "--show", "many")
    assert exit_.value.code == 2
