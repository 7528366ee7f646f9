"""Write the demo log (CSV, JSON Lines or Parquet, by the file's suffix), the customers file
and the truth file (the planted lapses)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from checker.demo import MIN_EVENTS
from checker.demo import catalog as cat
from checker.demo.generate import Chunk, DemoSpec, check_segments, generate
from checker.demo.texts import TEMPLATES

MIXED_TS_UP_TO = 100_000  # small logs get a few ISO 'T', '+08:00' and 'Z' timestamps
TS_FORMAT = "%Y-%m-%d %H:%M:%S"


@dataclass
class Written:
    events: int = 0
    customers: int = 0
    lapses: Counter = field(default_factory=Counter)


def write_demo(
    spec: DemoSpec, out: Path, customers_out: Path | None = None, truth_out: Path | None = None
) -> Written:
    if spec.events < MIN_EVENTS or spec.chunk_events < MIN_EVENTS:
        raise ValueError(f"a demo log needs at least {MIN_EVENTS} events")
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".ndjson", ".parquet"):
        raise ValueError(f"unsupported output format {suffix!r}: use .csv, .jsonl or .parquet")
    out.parent.mkdir(parents=True, exist_ok=True)
    widths = {
        "E": max(6, len(str(spec.events))),
        "C": max(5, len(str(spec.events // 10))),
        "O": max(6, len(str(spec.events))),
    }
    mixed = spec.events <= MIXED_TS_UP_TO if spec.mixed_ts is None else spec.mixed_ts
    done, truth, people, segs = Written(), [], [], []
    sink = _Sink(out, suffix)
    try:
        for chunk in generate(spec):
            table = _table(chunk, widths, mixed, np.random.default_rng([spec.seed, 2]))
            sink.write(table)
            done.events += table.num_rows
            done.customers += len(chunk.spend)
            done.lapses.update(rule for rule, *_ in chunk.truth)
            if truth_out is not None:
                truth += chunk.truth
            people += chunk.customers
            segs.append((chunk.first_customer, chunk.spend, chunk.orders, chunk.vip))
    finally:
        sink.close()
    check_segments(segs)
    if customers_out is not None:
        _write_customers(customers_out, people, widths["C"])
    if truth_out is not None:
        _write_truth(truth_out, truth, widths)
    return done


class _Sink:
    def __init__(self, out: Path, suffix: str) -> None:
        self.out, self.suffix, self.writer = out, suffix, None
        self.jsonl = out.open("w", encoding="utf-8") if suffix in (".jsonl", ".ndjson") else None

    def write(self, table: pa.Table) -> None:
        if self.jsonl is not None:
            for row in table.to_pylist():
                self.jsonl.write(json.dumps(row, ensure_ascii=False) + "\n")
            return
        if self.writer is None:
            self.writer = (
                pq.ParquetWriter(self.out, table.schema)
                if self.suffix == ".parquet"
                else pacsv.CSVWriter(self.out, table.schema)
            )
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        if self.jsonl is not None:
            self.jsonl.close()


def _table(chunk: Chunk, widths: dict[str, int], mixed: bool, rng: np.random.Generator) -> pa.Table:
    c, cal = chunk.cols, chunk.cal
    base = int((cal.start - datetime(1970, 1, 1)).total_seconds())
    ts = _times(c["ts"] + base, c["ts"] < 0)
    if mixed:
        ts = _mix_formats(ts, rng)
    topics = [*cal.topics, ""]
    return pa.table(
        {
            "event_id": _ids("E", c["id"], widths["E"]),
            "ts": ts,
            "customer_id": _ids("C", c["cust"], widths["C"]),
            "event": _pick(cat.EVENTS, c["ev"], c["ev"] < 0),
            "channel": _pick(cat.CHANNELS, c["ch"], c["ch"] <= 0),
            "agent_id": _pick(cat.AGENTS, c["agent"], c["agent"] < 0),
            "order_id": _ids("O", c["order"], widths["O"]),
            "product": _pick(cat.PRODUCTS, c["prod"], c["prod"] < 0),
            "amount": pa.array(c["amount"], pa.int64(), mask=c["amount"] < 0),
            "price": pa.array(c["price"], pa.int64(), mask=c["price"] < 0),
            "text": _texts(c["text"], c["prod"], c["topic"], topics),
            "ref": _ids("E", c["ref"], widths["E"]),
            "due": _times(c["due"] + base, c["due"] < 0),
        }
    )


def _ids(prefix: str, nums: np.ndarray, width: int) -> pa.Array:
    digits = pc.utf8_lpad(
        pc.cast(pa.array(nums, pa.int64(), mask=nums <= 0), pa.string()), width=width, padding="0"
    )
    return pc.binary_join_element_wise(prefix, digits, "")


def _times(epoch: np.ndarray, null: np.ndarray) -> pa.Array:
    stamps = pa.array(epoch, pa.int64(), mask=null).cast(pa.timestamp("s"))
    return pc.strftime(stamps, format=TS_FORMAT)


def _pick(names: list[str], codes: np.ndarray, null: np.ndarray) -> pa.Array:
    idx = pa.array(np.where(null, 0, codes).astype(np.int32), mask=null)
    return pa.DictionaryArray.from_arrays(idx, pa.array(names)).dictionary_decode()


def _texts(text: np.ndarray, prod: np.ndarray, topic: np.ndarray, topics: list[str]) -> pa.Array:
    np_, nt = len(cat.PRODUCTS) + 1, len(topics)
    topic = np.where(topic < 0, nt - 1, topic)
    key = (text.astype(np.int64) * nt + topic) * np_ + (prod + 1)
    uniq, inverse = np.unique(key, return_inverse=True)
    strings = []
    for k in uniq.tolist():
        t, rest = divmod(k, nt * np_)
        tp, p = divmod(rest, np_)
        product = cat.PRODUCTS[p - 1] if p > 0 else ""
        strings.append(TEMPLATES[t].format(p=product, c=topics[tp]) if t >= 0 else "")
    return _pick(strings, inverse.astype(np.int32), text < 0)


def _mix_formats(ts: pa.Array, rng: np.random.Generator) -> pa.Array:
    """A few rows as ISO 'T', with '+08:00', or in UTC with 'Z' (all the same instant)."""
    values = ts.to_pylist()
    draw = rng.random(len(values))
    for i, v in enumerate(values):
        if v is None or draw[i] >= 0.05:
            continue
        if draw[i] < 0.02:
            values[i] = v.replace(" ", "T")
        elif draw[i] < 0.04:
            values[i] = v.replace(" ", "T") + "+08:00"
        else:
            utc = datetime.strptime(v, TS_FORMAT) - timedelta(hours=8)
            values[i] = utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return pa.array(values, pa.string())


def _write_customers(path: Path, rows: list[tuple[int, int, int, int, str]], width: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["customer_id", "birthday", "tier"])
        for num, year, month, day, tier in rows:
            birthday = (
                ""
                if month == 0
                else (f"{month:02d}-{day:02d}" if year == 0 else f"{year}-{month:02d}-{day:02d}")
            )
            w.writerow([f"C{num:0{width}d}", birthday, tier])


def _write_truth(
    path: Path, truth: list[tuple[str, int, int, str]], widths: dict[str, int]
) -> None:
    entries = [
        {
            "rule": rule,
            "event_id": f"E{ev:0{widths['E']}d}" if ev else None,
            "customer_id": f"C{cust:0{widths['C']}d}",
            **({"detail": d} if d else {}),
        }
        for rule, ev, cust, d in truth
    ]
    entries.sort(
        key=lambda e: (e["rule"], e["customer_id"], e["event_id"] or "", e.get("detail", ""))
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in entries) + "\n]\n")
