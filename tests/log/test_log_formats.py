"""Every accepted encoding and file format gives the same audit; several files, empty files,
unsorted rows and mixed time formats all work."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from tests.log.conftest import BASE, audit, portable, write_csv, write_jsonl, write_parquet

WRITERS = {
    "utf-8.csv": lambda p: write_csv(p, BASE),
    "utf-8-sig.csv": lambda p: write_csv(p, BASE, encoding="utf-8-sig"),
    "gbk.csv": lambda p: write_csv(p, BASE, encoding="gbk"),
    "log.jsonl": lambda p: write_jsonl(p, BASE),
    "log.parquet": lambda p: write_parquet(p, BASE),
}


@pytest.fixture(scope="module")
def audits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("formats")
    out = {}
    for name, write in WRITERS.items():
        path = write(folder / name)
        out[name] = audit(folder / f"{name}.json", path)
    return out


def test_the_reference_audit_finds_the_planted_lapses(audits: dict) -> None:
    code, report = audits["utf-8.csv"]
    violated = {f["rule"]: f for f in report["findings"] if f["status"] == "violation"}
    assert {"respect.no-blame", "no-pressure.quiet-hours"} <= set(violated)
    assert "是你自己的问题" in violated["respect.no-blame"]["evidence"]
    assert violated["respect.no-blame"]["event_id"] == "e05"
    assert report["input"]["rows_read"] == len(BASE)
    assert report["input"]["rows_rejected"] == 0
    assert code == 1


@pytest.mark.parametrize("name", [n for n in WRITERS if n != "utf-8.csv"])
def test_every_format_audits_identically(audits: dict, name: str) -> None:
    ref_code, ref = audits["utf-8.csv"]
    code, report = audits[name]
    assert code == ref_code
    assert report["input"]["rejects"] == []
    assert report["input"]["rows_read"] == len(BASE)
    assert portable(report["findings"]) == portable(ref["findings"])
    assert report["summary"] == ref["summary"]


@pytest.mark.parametrize("name", list(WRITERS))
def test_findings_point_at_the_line_of_their_event(audits: dict, name: str) -> None:
    """CSV: header = line 1, so event n (0-based) is line n + 2; JSONL/Parquet: n + 1."""
    _, report = audits[name]
    first = 2 if name.endswith(".csv") else 1
    index = {row[0]: i for i, row in enumerate(BASE)}
    located = [f for f in report["findings"] if f["event_id"] is not None]
    assert located
    for f in located:
        assert f["file"].endswith(name)
        assert f["line"] == index[f["event_id"]] + first


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("inputs")


def test_several_files_give_the_findings_of_one(audits: dict, folder: Path) -> None:
    bad_csv = ["x1", "2025-03-04 25:99", "客户甲", "greeting", "im", "店员1", "", "", ""]
    bad_json = ["x2", "2025-03-05 16:00", "客户乙", "greting", "im", "店员2", "", "", ""]
    first = write_csv(folder / "part1.csv", [*BASE[:3], bad_csv], encoding="gbk")
    second = write_jsonl(folder / "part2.jsonl", [*BASE[3:6], bad_json, *BASE[6:]])
    code, report = audit(folder / "parts.json", first, second)
    _, whole = audits["utf-8.csv"]
    assert portable(report["findings"]) == portable(whole["findings"])
    assert [(r["file"], r["line"]) for r in report["input"]["rejects"]] == [
        (str(first), 5),
        (str(second), 4),
    ]
    blame = next(f for f in report["findings"] if f["rule"] == "respect.no-blame")
    assert (blame["file"], blame["line"]) == (str(second), 2)
    assert report["input"]["rows_read"] == len(BASE) + 2
    assert code == 1


@pytest.mark.parametrize("first_file", ["promotion", "opt_out"])
def test_equal_times_are_ordered_by_file_then_line(folder: Path, first_file: str) -> None:
    """An opt-out and a promotion at the same second in two files: input order decides."""
    rows = {
        "promotion": ["p1", "2025-03-05 12:00", "C9", "promotion", "sms", "a1", "", "", ""],
        "opt_out": ["o1", "2025-03-05 12:00", "C9", "opt_out", "sms", "", "", "", ""],
    }
    second_file = "opt_out" if first_file == "promotion" else "promotion"
    a = write_csv(folder / f"a-{first_file}.csv", [rows[first_file]])
    b = write_csv(folder / f"b-{second_file}.csv", [rows[second_file]])
    _, report = audit(folder / f"tie-{first_file}.json", a, b)
    opt_out = [f for f in report["findings"] if f["rule"] == "no-pressure.opt-out"]
    summary = report["summary"]["no-pressure.opt-out"]
    if first_file == "opt_out":  # the promotion came after the opt-out
        assert [f["event_id"] for f in opt_out] == ["p1"]
        assert summary["violations"] == 1
    else:
        assert opt_out == []
        assert summary["violations"] == 0


def test_empty_and_header_only_files_work(audits: dict, folder: Path) -> None:
    empty = folder / "empty.csv"
    empty.write_bytes(b"")
    header = write_csv(folder / "header.csv", [])
    code, report = audit(folder / "nothing.json", empty, header)
    assert (code, report["input"]["rows_read"], report["findings"]) == (0, 0, [])
    base = write_csv(folder / "base.csv", BASE)
    code, report = audit(folder / "with-empty.json", empty, base, header)
    assert portable(report["findings"]) == portable(audits["utf-8.csv"][1]["findings"])
    assert report["input"]["rows_read"] == len(BASE)
    assert code == 1


PADS = [" ", "\t", "  ", " \t", "\r", "\u3000 "]  # the last: an ideographic space stays


def test_padded_values_audit_like_clean_ones(audits: dict, folder: Path) -> None:
    """Spaces and control characters around a value (as Excel and CRM exports leave them)
    are trimmed; blank values are missing. A full-width space is not whitespace to trim and
    reaches the event name, which is then unknown."""
    padded = [
        [
            v if not v else (PADS[(i + j) % 4] + v if (i + j) % 3 else v + PADS[(i + j) % 5])
            for j, v in enumerate(row)
        ]
        for i, row in enumerate(BASE)
    ]
    padded[0][-1] = " \t "  # blank text: missing
    _, report = audit(folder / "padded.json", write_csv(folder / "padded.csv", padded))
    assert report["input"]["rejects"] == []
    assert portable(report["findings"]) == portable(audits["utf-8.csv"][1]["findings"])
    wide = [*BASE[:7], [*BASE[7][:3], "usage_check\u3000", *BASE[7][4:]]]
    _, report = audit(folder / "wide.json", write_csv(folder / "wide.csv", wide))
    assert [(r["line"], r["reason"]) for r in report["input"]["rejects"]] == [
        (9, "unknown event 'usage_check\u3000'; did you mean 'usage_check'?")
    ]


@pytest.mark.parametrize("break_", ["\n", "\r\n"])
def test_message_text_over_several_lines_is_read(audits: dict, folder: Path, break_: str) -> None:
    """A quoted line break in a message (DuckDB's parallel reader cannot split such a file:
    it is read again by one thread). Each row keeps its place: its line is the row's number
    as a spreadsheet shows it (header = 1)."""
    rows = [[*r[:-1], r[-1].replace("，", "，" + break_) + break_ + "——店员"] for r in BASE]
    rows[2][-1] = "茶喝着" + break_ + "习惯吗？"
    path = write_csv(folder / f"multiline-{len(break_)}.csv", rows)
    code, report = audit(folder / f"multiline-{len(break_)}.json", path)
    _, whole = audits["utf-8.csv"]
    assert report["input"]["rejects"] == []
    assert portable(report["findings"]) == portable(whole["findings"])
    assert [(f["event_id"], f["line"]) for f in report["findings"]] == [
        (f["event_id"], f["line"]) for f in whole["findings"]
    ]
    assert code == 1


def test_unsorted_rows_audit_like_sorted_ones(audits: dict, folder: Path) -> None:
    shuffled = [BASE[i] for i in (5, 0, 7, 2, 6, 1, 4, 3)]
    _, report = audit(folder / "unsorted.json", write_csv(folder / "unsorted.csv", shuffled))
    assert portable(report["findings"]) == portable(audits["utf-8.csv"][1]["findings"])


TIME_FORMATS = {
    "C1": "2025-03-03 10:00",
    "C2": "2025-03-03T10:00:00",
    "C3": "2025-03-03 02:00:00Z",
    "C4": "2025-03-03T10:00:00+08:00",
    "C5": "2025-03-03T11:00:00+09:00",
    "C6": "2025-03-02T21:00:00-05:00",
}


@pytest.mark.parametrize("writer", ["csv", "jsonl"])
def test_mixed_time_formats_are_read_in_the_playbook_zone(folder: Path, writer: str) -> None:
    """Store purchases at 10:00 Shanghai time written six ways, none seen off: each finding
    is at 10:00:00 local time."""
    rows = [
        [f"p-{c}", ts, c, "purchase", "store", "a1", "", "", ""] for c, ts in TIME_FORMATS.items()
    ]
    rows.append(["later", "2025-03-04 09:00", "C0", "reply", "im", "", "", "", ""])
    path = folder / f"times.{writer}"
    write_csv(path, rows) if writer == "csv" else write_jsonl(path, rows)
    code, report = main_report = audit(folder / f"times-{writer}.json", path, "--reveal-ids")
    assert main_report[1]["input"]["rejects"] == []
    farewell = {
        f["customer_id"]: (f["status"], f["ts"])
        for f in report["findings"]
        if f["rule"] == "cadence.farewell"
    }
    assert farewell == {c: ("violation", "2025-03-03 10:00:00") for c in TIME_FORMATS}
    assert code == 1


def test_gbk_bytes_after_a_utf8_head_are_transcoded(audits: dict, folder: Path) -> None:
    """Only a file's head is checked up front; GBK further down is caught by the reader and
    the file is read again, transcoded, with nothing lost and the lines unchanged."""
    filler = ["2025-03-03 08:00", "reply", "im", "", "", "", "x" * 60]
    head = [[f"f{i}", filler[0], f"walk-in {i % 7}", *filler[1:]] for i in range(60_000)]
    path = folder / "late-gbk.csv"
    write_csv(path, head)  # ASCII only: more than the 4 MB head
    with path.open("a", encoding="gbk", newline="") as f:
        csv.writer(f).writerows(BASE)
    assert path.stat().st_size > 4 << 20
    code, report = audit(folder / "late-gbk.json", path)
    _, whole = audits["utf-8.csv"]
    assert report["input"]["rows_read"] == len(head) + len(BASE)
    assert report["input"]["rows_rejected"] == 0
    assert portable(report["findings"]) == portable(whole["findings"])
    blame = next(f for f in report["findings"] if f["rule"] == "respect.no-blame")
    assert blame["line"] == len(head) + 1 + 5  # header + filler, then e05 is BASE's fifth row
    assert code == 1


def test_a_file_that_is_not_text_is_a_usage_error(folder: Path) -> None:
    path = folder / "binary.csv"
    rows = "".join(f"e{i},2025-03-01 08:00,c1,reply,im,,,,x\n" for i in range(200_000))
    header = b"event_id,ts,customer_id,event,channel,agent_id,product,amount,text\n"
    path.write_bytes(header + rows.encode() + b"e9,2025-03-01 08:00,c1,reply,im,,,,\xff\x80\n")
    code, report = audit(folder / "binary.json", path)
    assert code == 2 and report == {}


def test_a_malformed_row_is_a_usage_error_naming_file_and_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DuckDB meets the row only while reading (past its sniffing sample)."""
    path = folder / "malformed.csv"
    rows = "".join(f"e{i},2025-03-01 08:00,c1,reply,im,,,,x\n" for i in range(30_000))
    header = "event_id,ts,customer_id,event,channel,agent_id,product,amount,text\n"
    path.write_text(header + rows + "e9,2025-03-01 08:00,秘密,reply,im,,,,x,extra\n")
    code, report = audit(folder / "malformed.json", path)
    err = capsys.readouterr().err
    assert code == 2 and report == {}
    assert f"{path}:30002" in err and "Expected Number of Columns: 9 Found: 10" in err
    assert "秘密" not in err  # the row itself (customer data) is not echoed
