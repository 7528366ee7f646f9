"""Every example playbook shipped in ``playbooks/`` audits the bundled demo, reported in every
format. The call-centre example turns on ``agent_quota``, whose findings name a staff account
and a period, no customer: each format and the baseline must take a finding without one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.report.formats import FORMATS

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
PLAYBOOKS = sorted(p.parent for p in (ROOT / "playbooks").glob("*/playbook.yaml"))


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=[p.name for p in PLAYBOOKS])
def test_the_demo_audits_in_every_format(playbook: Path, cli: Callable, tmp_path: Path) -> None:
    """One audit writes every format (``--report``: each file is what that format alone
    writes, see tests/report/test_targets.py)."""
    main, *more = list(FORMATS)
    reports = [f"--report={fmt}={tmp_path / f'report.{fmt}'}" for fmt in more]
    args = ["check", DEMO / "events.csv", "--customers", DEMO / "customers.csv"]
    args += ["--playbook", playbook, "--fail-on", "never", *reports]
    code, _, err = cli(*args, "--format", main, "-o", tmp_path / f"report.{main}")
    assert code == 0, err
    for fmt in FORMATS:
        assert (tmp_path / f"report.{fmt}").stat().st_size > 0, fmt


def test_a_finding_without_a_customer_has_its_own_fingerprint(
    cli: Callable, tmp_path: Path
) -> None:
    out, base = tmp_path / "report.json", tmp_path / "baseline.json"
    args = [
        "check",
        DEMO / "events.csv",
        "--customers",
        DEMO / "customers.csv",
        "--fail-on",
        "never",
    ]
    args += ["--playbook", ROOT / "playbooks" / "callcentre", "--format", "json", "-o", out]
    code, _, err = cli(*args, "--write-baseline", base)
    assert code == 0, err
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    quota = [f for f in findings if f["customer_id"] is None]
    assert quota and {f["rule"] for f in quota} == {"callcentre.weekly-quota"}
    prints = [f["fingerprint"] for f in findings]
    assert len(set(prints)) == len(prints) and all(len(p) == 16 for p in prints)
    code, _, err = cli(*args, "--baseline", base)
    assert code == 0, err
    again = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert {f["baseline_state"] for f in again} == {"known"}
