"""Linting, extending and safely loading playbooks, seen through the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.playbook import load_playbook
from tests.playbook.helpers import line_of, write_playbook

BROKEN = """\
extends: seed
rules:
  cadence.greeting:
    params: {within: 2 days}
  cadence.farewell:
    severity: fatal
  no-pressure.frequency-cap:
    params: {max: -1}
  service.complaint-ack:
    principle: kindness
  cadence.usage-check:
    params:
      expect: {events: [usage_chek]}
  respect.no-blame:
    message:
      zh: 不要指责客户 {nope}
      en: Do not blame the customer.
  shop.custom:
    principle: respect
    severity: warning
    kind: sorcery
    params: {}
    title: {zh: 自定义, en: Custom}
    message:
      zh: 见 {{cadence.greeting:nosuch}}
      en: Custom.
"""
# (text on the bad line, the path reported)
PROBLEMS = [
    ("within: 2 days", "rules['cadence.greeting'].params.within"),
    ("severity: fatal", "rules['cadence.farewell'].severity"),
    ("max: -1", "rules['no-pressure.frequency-cap'].params.max"),
    ("principle: kindness", "rules['service.complaint-ack'].principle"),
    ("usage_chek", "rules['cadence.usage-check'].params.expect.events[0]"),
    ("{nope}", "rules['respect.no-blame'].message.zh"),
    ("kind: sorcery", "rules['shop.custom'].kind"),
    ("{{cadence.greeting:nosuch}}", "rules['shop.custom'].message.zh"),
]


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_playbook(tmp_path_factory.mktemp("broken") / "shop", BROKEN)


def test_the_seed_playbook_lints_clean(cli: Callable) -> None:
    code, out, err = cli("lint")
    assert code == 0, err
    assert out.startswith("ok: 29 rules on, 3 off")


@pytest.mark.parametrize(("needle", "path"), PROBLEMS, ids=[p for _, p in PROBLEMS])
def test_a_broken_playbook_reports_every_problem_at_once(
    broken: Path, cli: Callable, needle: str, path: str
) -> None:
    code, out, err = cli("lint", broken)
    assert code == 2
    assert out == ""
    where = f"{broken / 'playbook.yaml'}:{line_of(BROKEN, needle)}: "
    located = [line for line in err.splitlines() if where in line]
    assert any(f"(at {path})" in line for line in located), err


def test_the_problem_count_matches_the_problems(broken: Path, cli: Callable) -> None:
    _, _, err = cli("lint", broken)
    listed = [line for line in err.splitlines() if line.startswith("  - ")]
    assert len(listed) == len(PROBLEMS), err
    assert f"has {len(PROBLEMS)} problem(s)" in err


def test_a_broken_playbook_stops_the_audit(broken: Path, tmp_path: Path, cli: Callable) -> None:
    log = tmp_path / "log.csv"
    log.write_text("ts,customer_id,event\n2025-03-03 10:00,C1,purchase\n", encoding="utf-8")
    out_file = tmp_path / "report.json"
    code, out, err = cli("check", log, "--playbook", broken, "--format", "json", "-o", out_file)
    assert code == 2
    assert "within" in err and "kindness" in err
    assert not out_file.exists()
    assert out == ""


def test_bad_yaml_syntax_gives_line_and_column(tmp_path: Path, cli: Callable) -> None:
    text = "extends: seed\nrules:\n  cadence.greeting:\n    params: {within: 3d\n  x: [\n"
    folder = write_playbook(tmp_path / "shop", text)
    code, _, err = cli("lint", folder)
    assert code == 2
    file = folder / "playbook.yaml"
    assert f"{file}:" in err
    located = next(line for line in err.splitlines() if str(file) in line)
    line, column = located.split(f"{file}:")[1].split(":")[:2]
    assert 3 <= int(line) <= 5 and int(column) >= 1


def test_a_cycle_in_extends_is_reported(tmp_path: Path, cli: Callable) -> None:
    write_playbook(tmp_path / "a", "extends: ../b\n")
    write_playbook(tmp_path / "b", "extends: ../a\n")
    code, _, err = cli("lint", tmp_path / "a")
    assert code == 2
    assert "extends" in err


def test_python_tags_are_rejected_not_executed(tmp_path: Path, cli: Callable) -> None:
    marker = tmp_path / "pwned"
    text = f"extends: seed\nversion: !!python/object/apply:os.system ['touch {marker}']\n"
    folder = write_playbook(tmp_path / "evil", text)
    code, _, err = cli("lint", folder)
    assert code == 2
    assert f"{folder / 'playbook.yaml'}:2" in err
    assert not marker.exists()


OVERRIDE = """\
extends: seed
rules:
  cadence.greeting:
    params: {within: 3d}
  cadence.farewell:
    enabled: false
"""
# A store purchase, no farewell, greeted 2.5 days later; a later reply ends the audit.
LOG = """\
event_id,ts,customer_id,event,channel,agent_id
p1,2025-03-03 10:00,C1,purchase,store,a1
g1,2025-03-05 22:00,C1,greeting,wechat,a1
r1,2025-03-20 10:00,C1,reply,wechat,
"""


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_playbook(tmp_path_factory.mktemp("override") / "shop", OVERRIDE)


@pytest.mark.parametrize(
    ("lang", "seed", "shop_value"), [("zh", "2 天", "3 天"), ("en", "2 days", "3 days")]
)
def test_an_override_changes_explain(
    shop: Path, cli: Callable, lang: str, seed: str, shop_value: str
) -> None:
    _, before, _ = cli("explain", "cadence.greeting", "--lang", lang)
    _, after, _ = cli("explain", "cadence.greeting", "--lang", lang, "--playbook", shop)
    assert seed in before and shop_value not in before
    assert shop_value in after and seed not in after


def test_an_override_changes_the_audit(shop: Path, tmp_path: Path, cli: Callable) -> None:
    log = tmp_path / "log.csv"
    log.write_text(LOG, encoding="utf-8")
    reports = {}
    for name, extra in {"seed": [], "shop": ["--playbook", shop]}.items():
        out = tmp_path / f"{name}.json"
        cli("check", log, "--format", "json", "--lang", "en", "-o", out, *extra)
        reports[name] = json.loads(out.read_text(encoding="utf-8"))
    seed, own = reports["seed"], reports["shop"]
    late = [f for f in seed["findings"] if f["rule"] == "cadence.greeting"]
    assert [(f["event_id"], f["status"]) for f in late] == [("p1", "violation")]
    assert late[0]["message"] == (
        "No separate greeting within 2 days of a purchase "
        "(a thank-you within 1 hour of it does not count)."
    )
    assert not [f for f in own["findings"] if f["rule"] == "cadence.greeting"]
    assert own["summary"]["cadence.greeting"]["violations"] == 0
    assert seed["summary"]["cadence.farewell"]["violations"] == 1
    assert "cadence.farewell" not in own["summary"]
    assert not [f for f in own["findings"] if f["rule"] == "cadence.farewell"]


def test_a_rule_switched_off_is_not_listed_as_on(shop: Path, cli: Callable) -> None:
    _, seed_rules, _ = cli("rules")
    _, shop_rules, _ = cli("rules", "--playbook", shop)
    farewell = [line for line in shop_rules.splitlines() if "cadence.farewell" in line]
    assert all("(off)" in line for line in farewell)
    off_in_seed = {line.split()[0] for line in seed_rules.splitlines() if "(off)" in line}
    assert off_in_seed == {r.id for r in load_playbook().all_rules if not r.enabled}
    assert not any(rule.startswith("cadence.") for rule in off_in_seed)
    assert "cadence.farewell" not in {r.id for r in load_playbook(shop).rules}


def test_an_override_merges_into_the_seed_rule(shop: Path) -> None:
    pb = load_playbook(shop)
    assert pb.rule("cadence.greeting").params["within"] == "3d"
    assert pb.rule("cadence.greeting").params["expect"] == {"events": ["greeting", "care"]}
    assert pb.rule("cadence.greeting").params["min_gap"] == "1h"


def test_bounds_in_the_wrong_order_are_reported(tmp_path: Path, cli: Callable) -> None:
    text = (
        "extends: seed\nrules:\n  cadence.greeting:\n    params: {min_gap: 3d}\n"
        "  callcentre.weekly-quota:\n    params: {at_most: 10}\n"
    )
    code, _, err = cli("lint", write_playbook(tmp_path / "shop", text))
    assert code == 2
    assert "min_gap (3d) is more than within (2d)" in err
    assert "at_least (200) is more than at_most (10)" in err


def test_a_quota_needs_a_bound(tmp_path: Path, cli: Callable) -> None:
    text = (
        "extends: seed\nrules:\n  my.quota:\n    principle: integrity\n    severity: info\n"
        "    kind: agent_quota\n    params: {checked: {events: [callback]}, per: week}\n"
        "    title: {zh: 配额, en: Quota}\n    message: {zh: 配额, en: Quota}\n"
    )
    code, _, err = cli("lint", write_playbook(tmp_path / "shop", text))
    assert code == 2 and "my.quota" in err
