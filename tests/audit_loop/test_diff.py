"""``huitou diff``: gate a playbook change by what it does to last month's audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.audit_loop.conftest import CUSTOMERS, DEMO, run

LOG = DEMO / "events.csv"


def _report(tmp_path: Path, name: str, *extra: str | Path) -> Path:
    out = tmp_path / f"{name}.json"
    code, _, err = run(
        "check", LOG, "--customers", CUSTOMERS, "--format", "json", "-o", out, *extra
    )
    assert code in (0, 1), err
    return out


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("diff")
    stricter = tmp / "stricter"
    stricter.mkdir()
    (stricter / "playbook.yaml").write_text(
        "extends: seed\nrules:\n  cadence.greeting:\n    params: {within: 1d}\n", encoding="utf-8"
    )
    return {
        "seed": _report(tmp, "seed"),
        "stricter": _report(tmp, "stricter", "--playbook", stricter),
        "early": _report(tmp, "early", "--as-of", "2025-03-31"),
    }


def test_a_stricter_threshold_shows_its_new_findings_and_exits_1(reports: dict[str, Path]):
    code, out, err = run("diff", reports["seed"], reports["stricter"], "--format", "json")
    assert code == 1, err
    diff = json.loads(out)
    assert diff["new"] > 0 and diff["fixed"] == 0
    assert set(diff["rules"]) == {"cadence.greeting"} or all(
        not (r["new"] or r["fixed"]) for k, r in diff["rules"].items() if k != "cadence.greeting"
    )
    assert len(diff["rules"]["cadence.greeting"]["new"]) == diff["new"]
    code, text, _ = run("diff", reports["seed"], reports["stricter"])
    assert code == 1 and "cadence.greeting: +" in text and f"{diff['new']} new" in text


def test_the_change_undone_only_fixes_and_exits_0(reports: dict[str, Path]):
    code, out, err = run("diff", reports["stricter"], reports["seed"], "--format", "json")
    assert code == 0, err
    diff = json.loads(out)
    assert diff["new"] == 0 and diff["fixed"] > 0
    code, _, _ = run("diff", reports["seed"], reports["seed"])
    assert code == 0


def test_a_later_audit_shows_pending_findings_that_changed_status(reports: dict[str, Path]):
    code, out, _ = run("diff", reports["early"], reports["seed"], "--format", "json")
    diff = json.loads(out)
    changed = [c for r in diff["rules"].values() for c in r["changed"]]
    assert diff["changed"] == len(changed) > 0
    assert all(c["from"] == "pending" and c["to"] == "violation" for c in changed)
    assert code == (1 if diff["new"] else 0)


def test_a_report_that_is_not_one_is_exit_2_naming_the_file(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"findings": [{"rule": "x"}]}', encoding="utf-8")
    code, out, err = run("diff", bad, bad)
    assert out == ""
    assert code == 2 and "bad.json" in err and "findings[0]" in err and "Traceback" not in err
    bad.write_text("{", encoding="utf-8")
    code, _, err = run("diff", bad, bad)
    assert code == 2 and "bad.json:1" in err
