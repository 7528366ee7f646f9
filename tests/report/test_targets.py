"""``check --report FORMAT=FILE``: one audit, several report files, each byte for byte what
an audit in that format alone writes; a bad or clashing target stops before the audit."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.report.formats import FORMATS
from checker.report.targets import Target, report_target
from tests.reference.files import seed_rules_off, write_playbook

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
# An error, warnings and an info, with and without a customer's data: quick to audit.
KEPT = (
    "respect.no-blame",
    "cadence.farewell",
    "cadence.greeting",
    "cadence.birthday-greeting",
)


@pytest.fixture(scope="module")
def small_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's first 400 events."""
    lines = (DEMO / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    log = tmp_path_factory.mktemp("log") / "events.csv"
    log.write_text("".join(lines[:401]), encoding="utf-8")
    return log


@pytest.fixture(scope="module")
def few_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed with only the rules in ``KEPT`` on."""
    folder = tmp_path_factory.mktemp("playbook")
    return write_playbook(folder, {"rules": seed_rules_off(KEPT)}).parent


def test_every_format_from_one_audit_is_what_that_format_alone_writes(
    small_log: Path, few_rules: Path, cli: Callable, tmp_path: Path
) -> None:
    args = ["check", small_log, "--customers", DEMO / "customers.csv", "--fail-on", "never"]
    args += ["--playbook", few_rules]
    main, *more = list(FORMATS)
    together = [f"--report={fmt}={tmp_path / f'together.{fmt}'}" for fmt in more]
    code, _, err = cli(*args, "--format", main, "-o", tmp_path / f"together.{main}", *together)
    assert code == 0, err
    for fmt in FORMATS:
        code, _, err = cli(*args, "--format", fmt, "-o", tmp_path / f"alone.{fmt}")
        assert code == 0, err
        alone = (tmp_path / f"alone.{fmt}").read_bytes()
        assert (tmp_path / f"together.{fmt}").read_bytes() == alone, fmt
        assert alone, fmt
    summary = json.loads((tmp_path / "alone.json").read_text(encoding="utf-8"))["summary"]
    assert {rule for rule, row in summary.items() if row["violations"]} == set(KEPT)  # not empty


def test_the_exit_code_is_the_audit_s_whatever_the_reports(
    small_log: Path, cli: Callable, tmp_path: Path
) -> None:
    args = ["check", small_log, "--format", "json", "-o", tmp_path / "r.json"]
    code, _, _ = cli(*args, "--report", f"sarif={tmp_path / 'r.sarif'}")
    assert code == 1  # the demo has errors; --fail-on error is the default
    assert (tmp_path / "r.sarif").stat().st_size > 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sarif=out/huitou.sarif", Target("sarif", Path("out/huitou.sarif"))),
        ("JUnit=a=b.xml", Target("junit", Path("a=b.xml"))),  # the first = splits
    ],
)
def test_a_target_is_a_format_and_a_file(text: str, expected: Target) -> None:
    assert report_target(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("sarif", "write FORMAT=FILE"),
        ("sarif=", "write FORMAT=FILE"),
        ("=huitou.sarif", "write FORMAT=FILE"),
        ("pdf=huitou.pdf", "unknown report format 'pdf'"),
    ],
)
def test_a_bad_target_is_a_usage_error(
    text: str, says: str, cli: Callable, small_log: Path
) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match=says):
        report_target(text)
    with pytest.raises(SystemExit) as stop:
        cli("check", small_log, "--report", text)
    assert stop.value.code == 2


def test_clashing_files_are_all_named_before_the_audit(
    small_log: Path, cli: Callable, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    code, stdout, err = cli(
        "check",
        small_log,
        "-o",
        out,
        "--report",
        f"sarif={small_log}",
        "--report",
        f"json={out}",
        "--report",
        f"junit={tmp_path / 'a.xml'}",
        "--report",
        f"markdown={tmp_path / 'a.xml'}",
    )
    assert code == 2 and stdout == ""
    assert f"{small_log}: --report sarif={small_log} names an input file" in err
    assert f"--output and --report json={out} name the same file" in err
    assert "--report junit=" in err and "and --report markdown=" in err
    assert not out.exists() and not (tmp_path / "a.xml").exists()
    assert small_log.read_text(encoding="utf-8").startswith('"event_id"')
