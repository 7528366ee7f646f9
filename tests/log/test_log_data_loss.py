"""Nothing an audit is given is lost or overwritten: --output never names an input, repeated
customers are reported, JSON Lines lines that are not objects are named by line."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.log.conftest import BASE, audit, write_csv, write_jsonl


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "log.csv", BASE)


def _same_file_spellings(tmp_path: Path, path: Path) -> list[str]:
    os.symlink(path, tmp_path / "link.csv")
    return [
        str(path),
        f"{tmp_path}/./{path.name}",
        f"{tmp_path}/sub/../{path.name}",
        str(tmp_path / "link.csv"),
    ]


@pytest.mark.parametrize("spelling", range(4))
def test_output_naming_a_log_is_refused_and_the_log_kept(
    tmp_path: Path, log: Path, cli: Callable, spelling: int
) -> None:
    (tmp_path / "sub").mkdir()
    before = log.read_bytes()
    target = _same_file_spellings(tmp_path, log)[spelling]
    code, out, err = cli("check", log, "--output", target, "--fail-on", "never")
    assert code == 2 and out == ""
    assert "--output names an input file" in err and f"  - {log}: " in err
    assert log.read_bytes() == before


def test_output_naming_the_customers_file_is_refused(
    tmp_path: Path, log: Path, cli: Callable
) -> None:
    customers = tmp_path / "customers.csv"
    customers.write_text("customer_id,tier\n客户甲,vip\n", encoding="utf-8")
    before = customers.read_bytes()
    code, _, err = cli("check", log, "--customers", customers, "-o", customers)
    assert code == 2 and "overwrite" in err
    assert customers.read_bytes() == before


def test_output_beside_the_log_is_written(tmp_path: Path, log: Path, cli: Callable) -> None:
    code, _, err = cli("check", log, "-o", tmp_path / "report.txt", "--fail-on", "never")
    assert code == 0, err
    assert (tmp_path / "report.txt").stat().st_size > 0


def test_repeated_customers_are_rejected_rows_with_file_and_line(tmp_path: Path, log: Path) -> None:
    customers = tmp_path / "customers.csv"
    customers.write_text(
        "customer_id,birthday,tier\n"
        "客户甲,03-10,vip\n"  # line 2
        "客户乙,,\n"  # line 3
        "客户甲,04-01,new\n"  # line 4: the first of 客户甲 is kept
        "客户丙,05-05,\n"
        "客户甲,,\n"  # line 6
        "客户乙,1990-02-30,\n",  # line 7: a repeat with a bad birthday: both told
        encoding="utf-8",
    )
    code, report = audit(tmp_path / "r.json", log, "--customers", customers)
    assert code in (0, 1)
    counts = report["input"]
    mine = {r["line"]: r["reason"] for r in counts["rejects"] if r["file"] == str(customers)}
    assert sorted(mine) == [4, 6, 7]
    assert f"repeats the row at {customers}:2" in mine[4]
    assert f"repeats the row at {customers}:2" in mine[6]
    assert f"repeats the row at {customers}:3" in mine[7] and "birthday" in mine[7]
    assert all("客户" not in reason for reason in mine.values())  # no raw ids
    assert counts["rows_read"] == len(BASE) + 6
    assert counts["rows_read"] == counts["rows_checked"] + counts["rows_rejected"]


def test_the_first_row_of_a_repeated_customer_decides_its_tier(tmp_path: Path) -> None:
    rows = [["p1", "2025-03-03 10:00", "C1", "purchase", "store", "a1", "", "10", ""]]
    log = write_csv(tmp_path / "log.csv", rows)
    customers = tmp_path / "customers.csv"
    customers.write_text("customer_id,tier\nC1,vip\nC1,new\n", encoding="utf-8")
    _, report = audit(tmp_path / "r.json", log, "--customers", customers, "--reveal-ids")
    assert [r["line"] for r in report["input"]["rejects"]] == [3]


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("[1, 2]", "an array"),
        ("42", "a number"),
        ("-1.5", "a number"),
        ('"text"', "a string"),
        ("true", "true"),
    ],
)
def test_json_lines_that_are_not_objects_are_named_by_line(
    tmp_path: Path, cli: Callable, line: str, what: str
) -> None:
    path = write_jsonl(tmp_path / "log.jsonl", BASE[:3])
    text = path.read_text(encoding="utf-8").splitlines()
    text.insert(1, line)
    text.append(line)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    code, out, err = cli("check", path)
    assert code == 2 and out == ""
    assert "no column" not in err
    assert f"{path}:2: this line is {what}, not an object" in err
    assert f"{path}:5: this line is {what}, not an object" in err
    assert "Traceback" not in err


def test_many_bad_json_lines_are_summed_up(tmp_path: Path, cli: Callable) -> None:
    path = tmp_path / "arrays.jsonl"
    path.write_text("[1]\n" * 100, encoding="utf-8")
    code, _, err = cli("check", path)
    assert code == 2
    assert f"{path}:20: " in err and f"{path}:21: " not in err
    assert "and 80 more lines like these" in err


def test_objects_with_nested_values_still_read(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    rows = [
        {"ts": "2025-03-03 10:00", "customer_id": "C1", "event": "purchase", "extra": {"a": 1}},
        {"ts": "2025-03-03 10:05", "customer_id": "C1", "event": "reply", "extra": [1, 2]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, report = audit(tmp_path / "r.json", path)
    assert code in (0, 1)
    assert report["input"]["rows_read"] == 2 and report["input"]["rows_rejected"] == 0


def test_a_null_line_is_a_rejected_row_with_its_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "log.jsonl", BASE[:2])
    path.write_text(path.read_text(encoding="utf-8") + "null\n", encoding="utf-8")
    _, report = audit(tmp_path / "r.json", path)
    assert [(r["line"], r["reason"][:10]) for r in report["input"]["rejects"]] == [
        (3, "missing ts")
    ]
    assert report["input"]["rows_read"] == 3
