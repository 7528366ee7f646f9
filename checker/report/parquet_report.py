"""Findings as a Parquet file, for DuckDB, Spark or pandas at scale: one row per finding.

The columns are the fields of a finding in the JSON report, in the same order and row order,
typed: ``ts`` a timestamp (microseconds, no time zone: the wall-clock time in the playbook's
zone, as the other reports write it), ``line`` a 64-bit integer, the rest strings (NULL where
the JSON report has null). The audit in brief (`checker.report.head.brief`) is the file's
key-value metadata: ``huitou.playbook``, ``huitou.as_of`` and ``huitou.lang`` as text,
``huitou.input``, ``huitou.summary`` (and ``huitou.baseline`` with a baseline) as JSON.
Written a batch of findings at a time, one row group each: never the whole file in memory.
"""

from __future__ import annotations

import json
from typing import BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from checker.report.head import brief
from checker.report.model import BATCH, FINDING_SCHEMA, AuditReport

ENCODING = None  # binary: `write` gives the bytes (see `checker.report.formats.BINARY`)
META_PREFIX = "huitou."
TS_FORMAT = "%Y-%m-%d %H:%M:%S"  # how the report model writes a finding's time
COMPRESSION = "zstd"  # read by DuckDB, Spark (3.2 and later), pandas and Polars


def schema(report: AuditReport) -> pa.Schema:
    """The findings' columns, ``ts`` as a timestamp, with the audit in brief as metadata."""
    fields = [pa.field("ts", pa.timestamp("us")) if f.name == "ts" else f for f in FINDING_SCHEMA]
    meta = {META_PREFIX + key: _text(value) for key, value in brief(report).items()}
    return pa.schema(fields, metadata=meta)


def _text(value: object) -> str:
    """A value of the metadata: text as it is, anything else as JSON."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def typed(batch: pa.RecordBatch, target: pa.Schema) -> pa.RecordBatch:
    """A batch of the report's findings in ``target``'s types (the time parsed)."""
    ts = pc.strptime(batch.column("ts"), format=TS_FORMAT, unit="us")
    columns = [ts if name == "ts" else batch.column(name) for name in target.names]
    return pa.RecordBatch.from_arrays(columns, schema=target)


def write(report: AuditReport, handle: BinaryIO | pa.NativeFile, batch: int = BATCH) -> None:
    """The Parquet file of ``report`` into ``handle`` (open for writing bytes)."""
    target = schema(report)
    with pq.ParquetWriter(handle, target, compression=COMPRESSION) as writer:
        for rows in report.findings.batches(batch):
            writer.write_batch(typed(rows, target))


def render(report: AuditReport) -> bytes:
    """The whole file in memory (for tests and small reports; `write` streams)."""
    sink = pa.BufferOutputStream()
    write(report, sink)
    return sink.getvalue().to_pybytes()
