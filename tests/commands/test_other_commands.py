"""``explain``, ``rules`` and ``demo`` through the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from checker.engine.registry import kinds
from checker.playbook import load_playbook


def test_explain_shows_the_live_threshold_in_both_languages(cli: Callable) -> None:
    _, zh, _ = cli("explain", "cadence.greeting", "--lang", "zh")
    _, en, _ = cli("explain", "cadence.greeting", "--lang", "en")
    assert "2 天" in zh and "cadence.greeting" in zh
    assert "2 days" in en and "greeting" in en
    assert zh != en


def test_explain_an_unknown_rule_exits_2_with_a_hint(cli: Callable) -> None:
    code, out, err = cli("explain", "nosuch.rule")
    assert code == 2 and out == ""
    assert "nosuch.rule" in err and "huitou rules" in err
    code, _, err = cli("explain", "cadence.greting")
    assert code == 2 and "did you mean cadence.greeting?" in err


def test_rules_lists_every_rule_and_every_kind(cli: Callable) -> None:
    _, listed, _ = cli("rules")
    pb = load_playbook()
    assert {line.split()[0] for line in listed.splitlines()} == {r.id for r in pb.all_rules}
    off = {line.split()[0] for line in listed.splitlines() if line.endswith("(off)")}
    assert off == {r.id for r in pb.all_rules} - {r.id for r in pb.rules}
    _, listed, _ = cli("rules", "--kinds")
    assert [line.split()[0] for line in listed.splitlines()] == list(kinds())


def test_a_demo_log_applies_every_rule_and_fails(tmp_path: Path, cli: Callable) -> None:
    log, customers = tmp_path / "demo.csv", tmp_path / "customers.csv"
    code, out, _ = cli("demo", "--events", "800", "--out", log, "--customers-out", customers)
    assert code == 0 and str(log) in out
    report_file = tmp_path / "report.json"
    code, _, _ = cli("check", log, "--customers", customers, "--format", "json", "-o", report_file)
    assert code == 1
    summary = json.loads(report_file.read_text(encoding="utf-8"))["summary"]
    assert set(summary) == {r.id for r in load_playbook().rules}
    assert {rule for rule, s in summary.items() if s["opportunities"] == 0} == set()
