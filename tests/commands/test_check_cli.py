"""``huitou check`` as CI uses it: exit codes, report formats, files, pseudonyms."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from checker.paths import schema_dir

RANK = {"info": 0, "warning": 1, "error": 2}
# Only warnings: a late greeting (store purchase seen off, usage checked).
WARNINGS = """\
event_id,ts,customer_id,event,channel,agent_id,text
p1,2025-03-03 10:00,RAWID-0001,purchase,store,a1,
f1,2025-03-03 10:05,RAWID-0001,farewell,store,a1,谢谢
g1,2025-03-06 11:00,RAWID-0001,greeting,wechat,a1,您好
u1,2025-03-08 11:00,RAWID-0001,usage_check,wechat,a1,好用吗
r1,2025-03-12 11:00,RAWID-0001,reply,wechat,,挺好
"""
# Errors too: blame, and a promotion after an opt-out, for two other customers.
ERRORS = (
    WARNINGS
    + """\
c1,2025-03-04 12:00,RAWID-0002,complaint,im,,坏了
k1,2025-03-04 12:30,RAWID-0002,complaint_ack,im,a2,这是你自己的问题
o1,2025-03-05 12:00,RAWID-0003,opt_out,sms,,
m1,2025-03-06 12:00,RAWID-0003,promotion,sms,a2,八折
"""
)
RAW_IDS = ["RAWID-0001", "RAWID-0002", "RAWID-0003"]
FORMATS = ["json", "csv", "junit", "github", "text"]


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("logs")
    out = {}
    for name, text in {"warnings": WARNINGS, "errors": ERRORS}.items():
        out[name] = folder / f"{name}.csv"
        out[name].write_text(text, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def reports(logs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Each format of the errors log, written by one audit (``--output`` and ``--report``,
    which writes what the format alone writes: tests/report/test_targets.py), and its exit
    code."""
    from checker.cli import main

    folder = tmp_path_factory.mktemp("reports")
    first, *more = FORMATS
    args = ["check", str(logs["errors"]), "--format", first, "--output", str(folder / first)]
    code = main([*args, *(f"--report={fmt}={folder / fmt}" for fmt in more)])
    return {fmt: (code, (folder / fmt).read_bytes()) for fmt in FORMATS}


def test_warnings_exit_by_fail_on(logs: dict[str, Path], cli: Callable, tmp_path: Path) -> None:
    out = tmp_path / "w.json"
    code, _, _ = cli(
        "check", logs["warnings"], "--format", "json", "-o", out, "--fail-on", "warning"
    )
    violations = [f for f in json.loads(out.read_bytes())["findings"] if f["status"] == "violation"]
    assert {f["severity"] for f in violations} == {"warning"}  # the premise of this test
    assert code == 1
    for floor, expected in {"error": 0, "info": 1, "never": 0}.items():
        code, _, _ = cli("check", logs["warnings"], "--fail-on", floor, "--format", "json")
        assert code == expected, floor


def test_errors_exit_1_unless_never(reports: dict, logs: dict[str, Path], cli: Callable) -> None:
    report = json.loads(reports["json"][1])
    worst = max(RANK[f["severity"]] for f in report["findings"] if f["status"] == "violation")
    assert worst == RANK["error"]
    assert {code for code, _ in reports.values()} == {1}
    code, _, _ = cli("check", logs["errors"], "--fail-on", "never", "--format", "json")
    assert code == 0


def test_json_validates_and_is_byte_identical(reports: dict, logs: dict, cli: Callable) -> None:
    schema = json.loads((schema_dir() / "report.schema.json").read_text(encoding="utf-8"))
    report = json.loads(reports["json"][1])
    jsonschema.validate(report, schema)
    assert report["input"]["rows_read"] == len(ERRORS.splitlines()) - 1
    _, again, _ = cli("check", logs["errors"], "--format", "json")
    assert again.encode("utf-8") == reports["json"][1]


def test_csv_starts_with_a_bom(reports: dict) -> None:
    content = reports["csv"][1]
    assert content.startswith(b"\xef\xbb\xbf")
    assert "respect.no-blame" in content.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_raw_customer_id_in_any_format(reports: dict, fmt: str) -> None:
    text = reports[fmt][1].decode("utf-8-sig")
    for raw in RAW_IDS:
        assert raw not in text
    if fmt != "github":  # annotations name file and line, not the customer
        assert len(set(re.findall(r"C-[0-9a-f]{10}\b", text))) == 3


def test_json_customer_ids_are_pseudonyms(reports: dict) -> None:
    findings = json.loads(reports["json"][1])["findings"]
    assert findings and all(re.fullmatch(r"C-[0-9a-f]{10}", f["customer_id"]) for f in findings)


def test_reveal_ids_shows_the_raw_ids(logs: dict, cli: Callable) -> None:
    _, out, _ = cli("check", logs["errors"], "--format", "json", "--reveal-ids")
    assert {f["customer_id"] for f in json.loads(out)["findings"]} == set(RAW_IDS)


def test_usage_errors_exit_2(logs: dict, cli: Callable) -> None:
    code, _, err = cli("check", logs["errors"], "--as-of", "last tuesday")
    assert code == 2 and "--as-of" in err
    with pytest.raises(SystemExit) as exc:
        cli("check", logs["errors"], "--format", "pdf")
    assert exc.value.code == 2


def test_an_unwritable_output_is_exit_2(logs: dict, tmp_path: Path, cli: Callable) -> None:
    target = tmp_path / "no" / "such" / "dir" / "r.json"
    code, _, err = cli("check", logs["errors"], "--format", "json", "-o", target)
    assert code == 2 and str(target) in err


def test_a_bad_memory_limit_is_a_usage_error(logs: dict, cli: Callable) -> None:
    code, _, err = cli("check", logs["warnings"], "--memory-limit", "lots")
    assert code == 2
    assert "--memory-limit" in err
