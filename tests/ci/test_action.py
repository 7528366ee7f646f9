"""The composite GitHub Action (action.yml): loaded, and its run steps executed with bash
against the demo log as a runner would (inputs substituted, the job summary and outputs in
files), with this checkout's huitou."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).parents[2]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
SARIF = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
COMMAND = f"{sys.executable} -m checker"  # this checkout's code, not an installed huitou


def _value(expression: str, inputs: dict[str, str]) -> str:
    if expression == "inputs.install != ''":
        return str(inputs["install"] != "").lower()
    if expression.startswith("inputs."):
        return inputs[expression.removeprefix("inputs.")]
    if expression == "env.HUITOU_COMMAND || 'huitou'":
        return COMMAND
    raise AssertionError(f"the test does not know the expression {expression!r}")


def _substituted(text: str, inputs: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda m: _value(m.group(1), inputs), text)


def run_action(tmp: Path, **given: str) -> tuple[int, dict[str, str], str, str]:
    """Every step in order: (the last step's exit code, the outputs, the job summary, what
    the steps printed)."""
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    inputs.update({k.replace("_", "-"): v for k, v in given.items()})
    summary, outputs = tmp / "summary.md", tmp / "outputs.txt"
    summary.write_text("", encoding="utf-8")
    outputs.write_text("", encoding="utf-8")
    code, printed = 0, ""
    for step in ACTION["runs"]["steps"]:
        condition = step.get("if")
        if condition and _value(condition, inputs) != "true":
            continue
        env = {k: _substituted(str(v), inputs) for k, v in step.get("env", {}).items()}
        env |= {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(outputs)}
        assert step["shell"] == "bash"
        done = subprocess.run(
            ["bash", "-c", _substituted(step["run"], inputs)],
            cwd=ROOT,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=False,
        )
        code, printed = done.returncode, printed + done.stdout
        assert code in (0, 1), done.stderr
    pairs = [line.split("=", 1) for line in outputs.read_text("utf-8").splitlines() if line]
    return code, dict(pairs), summary.read_text(encoding="utf-8"), printed


def test_the_action_is_composite_with_the_issue_s_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert {"logs", "playbook", "baseline", "fail-on", "formats"} <= set(ACTION["inputs"])
    assert ACTION["inputs"]["logs"]["required"] is True
    for step in ACTION["runs"]["steps"]:
        for expression in EXPRESSION.findall(step.get("run", "")):
            pytest.fail(f"inputs go through env, not into the script: {expression}")


@pytest.mark.parametrize("fail_on", ["error"])
def test_the_steps_audit_write_the_summary_and_leave_sarif_and_junit(
    tmp_path: Path, fail_on: str
) -> None:
    out = tmp_path / "reports"
    base = tmp_path / "baseline.json"
    common: dict[str, Any] = {
        "logs": "examples/demo/events*.csv",
        "customers": "examples/demo/customers.csv",
        "install": "",
        "output_dir": str(out),
        "baseline": str(base),
    }
    # First run: no baseline yet, so it is written and every violation counts.
    code, outputs, summary, printed = run_action(tmp_path, fail_on=fail_on, **common)
    assert code == 1 and outputs["exit-code"] == "1" and base.exists()
    assert "| `respect.no-blame` |" in summary
    assert summary == (out / "summary.md").read_text(encoding="utf-8")
    # The annotations: one per violation, at its file and line where it has one.
    annotations = printed.splitlines()
    assert all(re.match(r"::(error|warning|notice) ", a) for a in annotations)
    assert any(
        re.match(r"::error file=examples/demo/events\S*\.csv,line=\d+,", a) for a in annotations
    )
    sarif = json.loads((out / "huitou.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF).validate(sarif)
    assert outputs["sarif"] == str(out / "huitou.sarif")
    assert (out / "huitou.xml").read_text(encoding="utf-8").startswith("<?xml")
    # Next day, same export: everything is known, nothing fails even at info.
    code, outputs, summary, _ = run_action(tmp_path, fail_on="info", **common)
    assert code == 0 and outputs["exit-code"] == "0"
    assert re.search(r"新增 0\*\*", summary)
    results = json.loads((out / "huitou.sarif").read_text("utf-8"))["runs"][0]["results"]
    assert {r.get("baselineState") for r in results} == {"unchanged"}


def test_a_bad_log_stops_the_action_with_exit_2(tmp_path: Path) -> None:
    step = ACTION["runs"]["steps"][1]
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    inputs |= {"logs": str(tmp_path / "missing.csv"), "output-dir": str(tmp_path / "o")}
    env = {k: _substituted(str(v), inputs) for k, v in step["env"].items()}
    done = subprocess.run(
        ["bash", "-c", step["run"]],
        cwd=ROOT,
        env={**os.environ, **env, "GITHUB_OUTPUT": os.devnull},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
