"""The demo log's shape: exact size, columns, parseable times, known vocabulary, refs."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import BUNDLED, local_ts, make_demo, read_rows

from checker.demo import DemoSpec
from checker.log.columns import CANONICAL
from checker.playbook import load_playbook

HEADER = list(CANONICAL)


@pytest.mark.parametrize(
    "events,chunk", [(100, 400_000), (137, 400_000), (900, 400_000), (2600, 1000)]
)
def test_writes_exactly_the_requested_number_of_events(
    tmp_path: Path, events: int, chunk: int
) -> None:
    make_demo(tmp_path, DemoSpec(events=events, seed=3, chunk_events=chunk))
    rows = read_rows(tmp_path / "events.csv")
    assert len(rows) == events
    width = max(6, len(str(events)))
    assert [r["event_id"] for r in rows] == [f"E{i:0{width}d}" for i in range(1, events + 1)]


def test_bundled_demo_follows_the_input_contract() -> None:
    pb = load_playbook()
    text = (BUNDLED / "events.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0].replace('"', "").split(",") == HEADER
    rows = read_rows(BUNDLED / "events.csv")
    assert 2900 <= len(rows) <= 3100
    ids = {r["event_id"] for r in rows}
    assert len(ids) == len(rows)
    times = [local_ts(r["ts"]) for r in rows]
    assert any("T" in r["ts"] for r in rows) and any(r["ts"].endswith("+08:00") for r in rows)
    out_of_order = sum(a > b for a, b in itertools.pairwise(times))
    assert 0 < out_of_order < len(rows) / 20  # mostly sorted, not strictly
    assert {r["event"] for r in rows} == set(pb.events)  # every canonical event occurs
    assert {r["channel"] for r in rows if r["channel"]} <= set(pb.data["channels"])
    shop = {name for name, e in pb.events.items() if e["actor"] == "shop"}
    agents = {r["agent_id"] for r in rows if r["event"] in shop and r["agent_id"]}
    assert agents == {f"kf{i:02d}" for i in range(1, 9)}
    for r in rows:
        if r["ref"]:
            assert r["ref"] in ids
        if r["due"]:
            assert local_ts(r["due"]) > local_ts(r["ts"])
    kept = [r for r in rows if r["event"] == "promise_kept"]
    assert kept and all(r["ref"] for r in kept)
    customers = {r["customer_id"] for r in rows}
    assert len(customers) >= 60
    assert any(any(ord(ch) > 0x4E00 for ch in r["text"]) for r in rows)
    assert any(r["text"].isascii() and r["text"] for r in rows)


def test_bundled_customers_file() -> None:
    rows = read_rows(BUNDLED / "customers.csv")
    logged = {r["customer_id"] for r in read_rows(BUNDLED / "events.csv")}
    assert rows and {r["customer_id"] for r in rows} <= logged
    for r in rows:
        parts = r["birthday"].split("-")
        assert r["birthday"] == "" or len(parts) in (2, 3)
        assert r["tier"] in ("", "vip", "dormant", "regular", "new")
    assert any(len(r["birthday"].split("-")) == 2 for r in rows)
    assert any(r["tier"] for r in rows)


def test_jsonl_and_parquet_hold_the_same_rows(tmp_path: Path) -> None:
    spec = DemoSpec(events=400, seed=5)
    make_demo(tmp_path, spec, "events.csv")
    make_demo(tmp_path, spec, "events.jsonl")
    make_demo(tmp_path, spec, "events.parquet")
    csv_rows = read_rows(tmp_path / "events.csv")
    lines = (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    json_rows = [json.loads(line) for line in lines]
    parquet_rows = pq.read_table(tmp_path / "events.parquet").to_pylist()

    def text(v: object) -> str:
        return "" if v is None else str(v)

    for other in (json_rows, parquet_rows):
        assert [{k: text(v) for k, v in r.items()} for r in other] == csv_rows
