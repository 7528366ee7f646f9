"""Spark's own readers read what DuckDB's read: the same rows, lines and reject reasons for
CSV (multi-line quoted values, doubled quotes, BOM, GBK, blank lines), JSON Lines and
Parquet; and the corners where they cannot agree behave as the README documents."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from checker.cli import main
from checker.engine.backends.spark_files import read_file
from checker.engine.backends.spark_read import _bytes, read_whole
from tests.reference.files import seed_rules_off, write_playbook
from tests.spark.conftest import report, same_reports

pytestmark = pytest.mark.spark

HEADER = "event_id,ts,customer_id,event,channel,agent_id,text\n"
MULTI = [
    'e1,2025-03-01 10:00:00,c1,purchase,store,a1,"line one\nline two, with a comma"',
    'e2,2025-03-01 11:00:00,c1,farewell,store,a1,"say ""hi"""',
    "e3,not a time,c2,purchase,store,a1,",
    "e4,2025-03-02 10:00:00,c2,purchas,store,a1,",
    "e2,2025-03-02 11:00:00,c2,greeting,wechat,a1,a repeated id",
    ',2025-03-03 10:00:00,c3,purchase,store,a2,"multi\n\n   \nlines, one blank"',
    "e7,2025-03-03 10:00:00, c3 ,greeting, wechat ,a2,  spaced  ",
    "e8,2025-03-03 10:05:00,c3,greeting,store",
]


def _files(folder: Path) -> list[Path]:
    multi = folder / "multi.csv"
    multi.write_text(HEADER + "\n".join(MULTI) + "\n", encoding="utf-8")
    bom = folder / "bom.csv"
    bom.write_text(
        HEADER + "b1,2025-03-04 10:00,c4,purchase,store,a1,好\n\n"
        "b2,2025-03-04 12:00,c4,greeting,微信,a1,你好\n",
        encoding="utf-8-sig",
    )
    gbk = folder / "gbk.csv"
    gbk.write_text(
        HEADER + "g1,2025-03-05 10:00,客户甲,purchase,store,a1,谢谢惠顾\n"
        'g2,2025-03-05 12:00,客户甲,greeting,wechat,a1,"您好，\n欢迎再来"\n',
        encoding="gbk",
    )
    jsonl = folder / "events.jsonl"
    jsonl.write_text(
        '{"event_id":"j1","ts":"2025-03-06 10:00:00","customer_id":"c5","event":"purchase",'
        '"amount":"12.5"}\n\n'
        '{"event_id":"j2","ts":"2025-03-06T12:00:00+08:00","customer_id":"c5",'
        '"event":"greeting","channel":"wechat","agent_id":"a1"}\n'
        '{"event_id":"j3","ts":"2025-03-06 13:00","customer_id":"c5","event":"care",'
        '"amount":"abc"}\n',
        encoding="utf-8",
    )
    strings = folder / "strings.parquet"
    pq.write_table(
        pa.table(
            {
                "event_id": ["p1", "p2", None],
                "ts": ["2025-03-07 10:00:00", "2025-03-07 11:00:00", "bad"],
                "customer_id": ["c6", "c6", "c6"],
                "event": ["purchase", "greeting", "reply"],
            }
        ),
        strings,
    )
    typed = folder / "typed.parquet"
    pq.write_table(
        pa.table(
            {
                "ts": pa.array([datetime(2025, 3, 8, 9, 30), datetime(2025, 3, 8, 23, 0)]),
                "customer_id": ["c7", "c7"],
                "event": ["purchase", "promotion"],
                "amount": pa.array([99.5, None]),
                "agent_id": ["a1", "a1"],
            }
        ),
        typed,
    )
    return [multi, bom, gbk, jsonl, strings, typed]


@pytest.fixture
def small_blocks(spark: Any) -> Iterator[None]:
    """Spark reads files in blocks of 128 bytes: a small file is read as a large one is, by
    several tasks whose rows are numbered from the blocks' counts (see `numbered`)."""
    keys = ("spark.sql.files.maxPartitionBytes", "spark.sql.files.openCostInBytes")
    before = {key: spark.conf.get(key) for key in keys}
    for key in keys:
        spark.conf.set(key, "128b")
    try:
        yield
    finally:
        for key, value in before.items():
            spark.conf.set(key, value)


def test_every_format_reads_the_same(spark: Any, small_blocks: None, tmp_path: Path) -> None:
    """In blocks here; every other Spark test reads its small files whole."""
    files = _files(tmp_path)
    assert not any(read_whole(spark, f) for f in files)
    assert read_file(spark, files[1]).rdd.getNumPartitions() > 1  # bom.csv: in blocks
    duck = same_reports(files, tmp_path)
    rejected = {(Path(r["file"]).name, r["line"]) for r in duck["input"]["rejects"]}
    # Lines are records: the header is line 1, a quoted line break does not count.
    assert {("multi.csv", 4), ("multi.csv", 5), ("multi.csv", 6), ("bom.csv", 3)} <= rejected
    assert {("events.jsonl", 3), ("strings.parquet", 3)} <= rejected
    assert duck["input"]["rows_read"] == 8 + 2 + 2 + 3 + 3 + 2


def test_a_line_of_spaces_is_refused_on_spark(spark: Any, tmp_path: Path) -> None:
    """Documented corner: Spark's CSV reader skips a line of only spaces, which DuckDB reads
    as a (rejected) row; rather than number the later rows differently, Spark refuses."""
    log = tmp_path / "spaces.csv"
    log.write_text(
        "event_id,ts,customer_id,event\nw1,2025-03-08 10:00,c7,purchase\n   \n"
        "w3,2025-03-08 11:00,c7,greeting\n",
        encoding="utf-8",
    )
    duck = report("duckdb", [log], tmp_path / "duck.json")
    assert [(r["line"], r["reason"][:10]) for r in duck["input"]["rejects"]] == [(3, "missing ts")]
    assert main(["check", str(log), "--engine", "spark"]) == 2


def test_a_json_column_of_numbers_and_text_is_quoted_on_duckdb(spark: Any, tmp_path: Path) -> None:
    """Documented corner: a JSON Lines column mixing numbers and strings. DuckDB reads it as
    JSON and quotes a string in the reject reason; Spark reads every value as its text. The
    same rows are rejected, on the same lines, for the same field."""
    log = tmp_path / "mixed.jsonl"
    log.write_text(
        '{"ts":"2025-03-06 10:00","customer_id":"c5","event":"purchase","amount":12.5}\n'
        '{"ts":"2025-03-06 13:00","customer_id":"c5","event":"care","amount":"abc"}\n',
        encoding="utf-8",
    )
    # The subject is reading: the audit runs one rule (its other queries cost seconds on Spark).
    off = {"rules": seed_rules_off(["cadence.greeting"])}
    one_rule = ["--playbook", write_playbook(tmp_path / "pb", off).parent]
    duck = report("duckdb", [log, *one_rule], tmp_path / "duck.json")["input"]
    spark = report("spark", [log, *one_rule], tmp_path / "spark.json")["input"]
    advice = "is not a finite number: write digits with a point, e.g. 128.50"
    assert [r["reason"] for r in duck["rejects"]] == [f"amount '\"abc\"' {advice}"]
    assert [r["reason"] for r in spark["rejects"]] == [f"amount 'abc' {advice}"]
    assert [r["line"] for r in duck["rejects"]] == [r["line"] for r in spark["rejects"]] == [2]
    assert duck["rows_read"] == spark["rows_read"] == 2


def test_a_small_local_file_is_read_whole(spark: Any, tmp_path: Path) -> None:
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    small.write_text(HEADER, encoding="utf-8")
    large.write_bytes(b"x" * (_bytes(spark.conf.get("spark.sql.files.openCostInBytes")) + 1))
    assert read_whole(spark, small)
    assert not read_whole(spark, large)  # split by the session's parallelism
    assert not read_whole(spark, Path("s3://bucket/small.csv"))  # not known to be small


@pytest.mark.parametrize(
    ("setting", "size"),
    [("4194304", 4 << 20), ("4194304b", 4 << 20), ("4m", 4 << 20), ("128MB", 128 << 20)],
)
def test_spark_size_settings_are_read_in_bytes(setting: str, size: int) -> None:
    assert _bytes(setting) == size
