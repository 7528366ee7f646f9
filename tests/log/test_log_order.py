"""Line numbers on logs big enough for DuckDB to read and write in parallel.

A row's line is its place in the table the rows are written to, so that write must keep the
files' order. Small logs are read in one piece and always keep it; these are several row
groups long, with aliases, padded values, bad rows and two files, so an operator that
reorders rows (a join, say) in the read would put findings and rejects on wrong lines.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checker.engine.backends.duckdb import duckdb_session
from checker.engine.prepare import prepare
from checker.playbook import load_playbook

EVENTS = ["purchase", "greeting", "care", "promotion", " busy ", "下单", "reply", "nonsense"]
ROWS = 300_000  # a little over two of DuckDB's row groups per file


def _write(path: Path, prefix: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["event_id", "ts", "customer_id", "event", "channel", "text"])
        for i in range(ROWS):
            ts = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00"
            event = EVENTS[i % len(EVENTS)]
            w.writerow([f"{prefix}{i}", ts, f"c{i % 997}", event, "wechat", "您好，最近怎么样？"])


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], list[dict]]:
    folder = tmp_path_factory.mktemp("big")
    paths = [folder / "a.csv", folder / "b.csv"]
    _write(paths[0], "a")
    _write(paths[1], "b")
    (folder / "playbook.yaml").write_text(
        "extends: seed\nevent_aliases: {下单: purchase}\n", encoding="utf-8"
    )
    pb = load_playbook(folder)
    with duckdb_session() as (con, workdir):
        prep = prepare(con, paths, pb, customers_path=None, as_of=None, workdir=workdir)
        ev = prep.events
        events = ev.select("event_id", "file_no", "line", "event").to_pyarrow().to_pylist()
        rejected = prep.rejected.to_pyarrow().to_pylist()
    return events, rejected


def test_every_event_keeps_its_file_and_line(prepared: tuple[list[dict], list[dict]]) -> None:
    events, _ = prepared
    assert len(events) == 2 * ROWS * 7 // 8  # the unknown events are rejected
    for row in events:
        file_no, index = "ab".index(row["event_id"][0]), int(row["event_id"][1:])
        assert (row["file_no"], row["line"]) == (file_no, index + 2)
        assert row["event"] == {"下单": "purchase", " busy ": "busy"}.get(
            EVENTS[index % len(EVENTS)], EVENTS[index % len(EVENTS)]
        )


def test_rejects_point_at_their_own_lines(prepared: tuple[list[dict], list[dict]]) -> None:
    _, rejected = prepared
    unknown = len(EVENTS) - 1
    expected = {(f, i + 2) for f in (0, 1) for i in range(ROWS) if i % len(EVENTS) == unknown}
    assert {(r["file_no"], r["line"]) for r in rejected} == expected
    assert all(r["reason"].startswith("unknown event 'nonsense'") for r in rejected)
