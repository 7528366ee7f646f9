"""The README and the handbook's rule reference cover every command, kind and rule."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from checker.cli import build_parser, main
from checker.engine.registry import kinds
from checker.explain import rule_markdown
from checker.playbook import load_playbook
from checker.report.formats import FORMATS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SEED = load_playbook()


def _subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def _command_table() -> str:
    start = README.index("## Commands")
    return README[start : README.index("\n## ", start + 1)]


@pytest.mark.parametrize("command", _subcommands())
def test_every_command_is_in_the_readme_table(command: str) -> None:
    assert f"| `huitou {command}" in _command_table()


def _check_options() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    check = action.choices["check"]
    return [
        max(a.option_strings, key=len)
        for a in check._actions
        if a.option_strings and "--help" not in a.option_strings
    ]


def test_the_check_options_are_read() -> None:
    assert "--history" in _check_options() and "--baseline" in _check_options()


@pytest.mark.parametrize("option", _check_options())
def test_every_check_option_is_in_the_readme_table(option: str) -> None:
    row = next(line for line in _command_table().splitlines() if "| `huitou check" in line)
    assert f"[{option}" in row


def test_the_readme_lists_every_report_format() -> None:
    row = next(line for line in _command_table().splitlines() if "| `huitou check " in line)
    listed = row.split("[--format ", 1)[1].split("]", 1)[0].split("\\|")
    assert listed == list(FORMATS)
    for fmt in FORMATS:
        assert f"--format {fmt}" in README or fmt == "text"  # each is described somewhere


@pytest.mark.parametrize("kind", list(kinds()))
def test_every_rule_kind_is_in_the_readme(kind: str) -> None:
    assert f"`{kind}`" in README


@pytest.mark.parametrize("rule_id", [r.id for r in SEED.all_rules])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rule_has_a_reference_entry(rule_id: str, lang: str) -> None:
    text = rule_markdown(SEED, rule_id, lang)
    assert text.startswith(f"## `{rule_id}` {SEED.rule(rule_id).title[lang]}")


@pytest.mark.parametrize("rule_id", [r.id for r in SEED.all_rules])
def test_explain_prints_the_reference_entry(
    rule_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", rule_id, "--lang", "en"]) == 0
    assert capsys.readouterr().out == rule_markdown(SEED, rule_id, "en", heading="#")
