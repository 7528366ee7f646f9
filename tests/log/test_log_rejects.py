"""Bad rows are rejected with file, 1-based line and reason; nothing is lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.log.conftest import BASE, COLUMNS, audit, portable, write_csv

GOOD = ["g1", "2025-03-03 10:00", "C1", "purchase", "store", "a1", "tea", "120", ""]
# (row, the reason's expected text); the row's line is its index + 2 (header = line 1).
MESSY: list[tuple[list[str], str | None]] = [
    (GOOD, None),
    (["g2", "2025-03-03 10:10", "C1", "farewell", "store", "a1", "", "", ""], None),
    (["b1", "2025-02-30 10:00", "C1", "greeting", "im", "a1", "", "", ""], "unparsable ts"),
    (["b2", "yesterday", "C1", "greeting", "im", "a1", "", "", ""], "unparsable ts 'yesterday'"),
    (["b3", "", "C1", "greeting", "im", "a1", "", "", ""], "missing ts"),
    (["b4", "2025-03-04 10:00", "", "greeting", "im", "a1", "", "", ""], "missing customer_id"),
    (["b5", "2025-03-04 10:00", "C1", " ", "im", "a1", "", "", ""], "missing event"),
    (
        ["b6", "2025-03-04 10:00", "C1", "purchas", "im", "", "", "", ""],
        "unknown event 'purchas'; did you mean 'purchase'?",
    ),
    (["g1", "2025-03-04 11:00", "C1", "greeting", "im", "a1", "", "", ""], "duplicate event_id"),
    (["b7", "2025-03-04 12:00", "C1", "purchase", "store", "a1", "", "12,5", ""], "amount '12,5'"),
    (["b8", "2025-03-04 12:00", "C1", "care", "fax", "a1", "", "", ""], "unknown channel 'fax'"),
    (["g3", "2025-03-05 09:00", "C2", "reply", "im", "", "", "", ""], None),
    (["late", "2025-03-12 09:00", "C2", "reply", "im", "", "", "", ""], "after the audit end"),
    (["g4", "2025-03-06 08:00+08:00", "C2", "reply", "wechat", "", "", "", ""], None),
    # Whitespace after a value: fine where the value is fine; quoted trimmed where it is not.
    (["g5", "2025-03-06 09:00 ", "C2", "reply\t", "im  ", "", "", " 35 ", ""], None),
    (["b9", "yesterday \t", "C2", "reply", "im", "", "", "", ""], "unparsable ts 'yesterday':"),
    (
        ["b10", "2025-03-06 10:00", "C2", "purchas \r", "im", "", "", "", ""],
        "unknown event 'purchas'; did you mean 'purchase'?",
    ),
    (["b11", "2025-03-06 11:00", "C2", "care", "fax  ", "a1", "", "", ""], "channel 'fax' (known"),
    (["b12", "2025-03-06 12:00", "C2", "purchase", "im", "", "", "12,5 ", ""], "amount '12,5' is"),
]


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("messy")
    path = write_csv(folder / "messy.csv", [row for row, _ in MESSY], encoding="utf-8-sig")
    _, report = audit(folder / "messy.json", path, "--as-of", "2025-03-10")
    return path, report


def test_every_bad_row_is_rejected_with_its_file_and_line(messy: tuple) -> None:
    path, report = messy
    rejects = report["input"]["rejects"]
    expected = [(i + 2, why) for i, (_, why) in enumerate(MESSY) if why]
    assert [(r["file"], r["line"]) for r in rejects] == [(str(path), line) for line, _ in expected]
    for reject, (line, why) in zip(rejects, expected, strict=True):
        assert why in reject["reason"], (line, reject["reason"])


def test_a_duplicate_names_the_first_line(messy: tuple) -> None:
    path, report = messy
    dup = next(r for r in report["input"]["rejects"] if "duplicate" in r["reason"])
    assert f"{path}:2" in dup["reason"]
    assert dup["line"] == 10


def test_nothing_is_lost(messy: tuple) -> None:
    _, report = messy
    counts = report["input"]
    assert counts["rows_read"] == len(MESSY)
    assert counts["rows_rejected"] == sum(1 for _, why in MESSY if why)
    assert counts["rows_read"] == counts["rows_checked"] + counts["rows_rejected"]


def test_rejected_rows_take_no_part_in_the_audit(messy: tuple) -> None:
    """C1's store purchase was seen off; the rejected rows (a duplicate greeting, a store
    purchase with a bad amount) create no findings and no opportunities."""
    _, report = messy
    farewell = report["summary"]["cadence.farewell"]
    assert (farewell["opportunities"], farewell["violations"]) == (1, 0)
    assert not [f for f in report["findings"] if f["event_id"] in {"b7", "b8", "late"}]


def test_a_file_lacking_a_required_column_is_named(tmp_path: Path, cli: Callable) -> None:
    good = write_csv(tmp_path / "good.csv", BASE)
    columns = [c if c != "event" else "action" for c in COLUMNS]
    bad = write_csv(tmp_path / "noevent.csv", BASE, columns=columns)
    code, out, err = cli("check", good, bad, "--format", "json")
    assert code == 2
    assert f"{bad}:1" in err and "event" in err
    assert str(good) not in err
    assert out == ""


def test_a_missing_file_is_exit_2(tmp_path: Path, cli: Callable) -> None:
    missing = tmp_path / "nosuch.csv"
    code, out, err = cli("check", missing)
    assert code == 2
    assert str(missing) in err
    assert out == ""


def test_a_file_in_no_known_encoding_is_exit_2_with_its_line(tmp_path: Path, cli: Callable) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"ts,customer_id,event\n2025-03-03 10:00,C1,reply\n\xff\xff\xff,C1,reply\n")
    code, _, err = cli("check", path)
    assert code == 2
    assert f"{path}:3" in err


SHOP = """\
extends: seed
column_aliases: {发生时间: ts, 顾客编号: customer_id, 动作: event, 单号: event_id}
event_aliases: {成交: purchase, 道别: farewell, 问候: greeting, 客诉: complaint}
"""


def test_a_shops_own_columns_and_event_names_are_mapped(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    shop.mkdir()
    (shop / "playbook.yaml").write_text(SHOP, encoding="utf-8")
    names = {"purchase": "成交", "farewell": "道别", "greeting": "问候", "complaint": "客诉"}
    rows = [[*r[:3], names.get(r[3], r[3]), *r[4:]] for r in BASE]
    columns = ["单号", "发生时间", "顾客编号", "动作", "渠道", "客服", "商品", "金额", "内容"]
    own = write_csv(tmp_path / "export.csv", rows, columns=columns, encoding="gbk")
    canonical = write_csv(tmp_path / "canonical.csv", BASE)
    _, theirs = audit(tmp_path / "own.json", own, "--playbook", shop)
    _, ours = audit(tmp_path / "canonical.json", canonical, "--playbook", shop)
    assert theirs["input"]["rejects"] == []
    assert theirs["findings"]
    assert portable(theirs["findings"]) == portable(ours["findings"])


def test_bad_customers_rows_are_rejected_with_their_line(tmp_path: Path) -> None:
    log = write_csv(tmp_path / "log.csv", BASE)
    customers = tmp_path / "customers.csv"
    customers.write_text(
        "customer_id,birthday,tier\n"
        "客户甲,1990-03-04,vip\n"
        "客户乙,1990-13-01,\n"
        "客户丙,,platinum\n"
        "客户丁,02-30,new\n"
        "客户戊,05-20,\n"
        "客户己,1990/03/04,\n"
        "客户庚,3-4-5,\n"
        "客户辛,7-9,\n",
        encoding="utf-8",
    )
    _, report = audit(tmp_path / "report.json", log, "--customers", customers)
    rejects = [(r["file"], r["line"]) for r in report["input"]["rejects"]]
    assert rejects == [(str(customers), line) for line in (3, 4, 5, 7, 8)]
    reasons = [r["reason"] for r in report["input"]["rejects"]]
    assert "1990-13-01" in reasons[0] and "platinum" in reasons[1] and "02-30" in reasons[2]
    assert "'1990/03/04': write YYYY-MM-DD or MM-DD" in reasons[3]
    assert "'3-4-5'" in reasons[4]
    counts = report["input"]
    assert counts["rows_read"] == len(BASE) + 8
    assert counts["rows_read"] == counts["rows_checked"] + counts["rows_rejected"]
    # 客户甲's valid birthday (03-04) falls in the audit: the birthday rule applies once.
    assert report["summary"]["cadence.birthday-greeting"]["opportunities"] == 1


def test_rows_without_an_id_are_known_by_their_place(tmp_path: Path) -> None:
    """No id: ``FILE:LINE``. Unique ids are proven from the ids as written only when every
    row has one; here a written id repeats the place of a row without one (line 2), and
    the later of the two is the duplicate."""
    path = tmp_path / "ids.csv"
    rows = [
        ["", "2025-03-03 10:00", "C1", "purchase", "store", "a1", "tea", "120", ""],
        ["f1", "2025-03-03 10:05", "C1", "farewell", "store", "a1", "", "", ""],
        [f"{path}:2", "2025-03-04 10:00", "C1", "greeting", "im", "a1", "", "", ""],
        ["x1", "2025-03-05 10:00", "C1", "care", "im", "a1", "", "", ""],
    ]
    _, report = audit(tmp_path / "ids.json", write_csv(path, rows), "--as-of", "2025-03-10")
    rejects = report["input"]["rejects"]
    assert [(r["line"], "duplicate event_id" in r["reason"]) for r in rejects] == [(4, True)]
    assert f"(first at {path}:2)" in rejects[0]["reason"]
    named = {f["event_id"] for f in report["findings"] if f["event_id"]}
    assert named <= {f"{path}:2", "f1", "x1"}
    assert report["input"]["rows_read"] == 4 and report["input"]["rows_checked"] == 3


def test_ids_all_missing_are_all_unique(tmp_path: Path) -> None:
    rows = [["", *row[1:]] for row in BASE]
    path = write_csv(tmp_path / "noids.csv", rows, COLUMNS)
    _, report = audit(tmp_path / "noids.json", path)
    assert report["input"]["rows_rejected"] == 0
    assert report["findings"] and all(
        f["event_id"] == f"{path}:{f['line']}" for f in report["findings"] if f["event_id"]
    )


@pytest.mark.parametrize(
    ("ids", "duplicate_lines"),
    [
        (["e1", "e2", "e3", "e4"], []),  # growing: proven unique without hashing
        (["e1", "e2", "e2", "e4"], [4]),  # growing but for a repeat: must not pass as grown
        (["e3", "e1", "e4", "e2"], []),  # unique, in no order
        (["e3", "e1", "e4", "e1"], [5]),
    ],
)
def test_repeated_ids_are_found_in_any_order(
    tmp_path: Path, ids: list[str], duplicate_lines: list[int]
) -> None:
    """Ids that only grow down the file are distinct, which spares counting them; an id
    equal to the one before is not growth."""
    days = ["2025-03-03 10:00", "2025-03-03 10:05", "2025-03-04 10:00", "2025-03-05 10:00"]
    rows = [
        [i, day, "C1", "care", "im", "a1", "", "", ""] for i, day in zip(ids, days, strict=True)
    ]
    path = write_csv(tmp_path / "ids.csv", rows)
    _, report = audit(tmp_path / "ids.json", path, "--as-of", "2025-03-10")
    rejects = report["input"]["rejects"]
    assert [r["line"] for r in rejects if "duplicate event_id" in r["reason"]] == duplicate_lines
    assert report["input"]["rows_checked"] == 4 - len(duplicate_lines)
