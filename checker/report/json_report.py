"""The machine-readable report (schema: schema/report.schema.json): sorted keys, stable bytes."""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import pyarrow as pa
import pyarrow.compute as pc

from checker.report import document as doc
from checker.report.lines import Chunk, utf8
from checker.report.model import BATCH, AuditReport

ENCODING = "utf-8"


# json.dumps(..., ensure_ascii=False) escapes backslash, quote and these control characters
# by name, and the other ones below U+0020 as \u00XX (rare: those rows go through json.dumps).
_NAMED = [
    ("\\", "\\\\"),
    ('"', '\\"'),
    ("\n", "\\n"),
    ("\r", "\\r"),
    ("\t", "\\t"),
    ("\b", "\\b"),
    ("\f", "\\f"),
]
_UNNAMED = r"[\x00-\x07\x0b\x0e-\x1f]"
SEPARATOR = ",\n"  # between two findings
INDENT = "    "
AHEAD = 4  # batches being built while one is written


def _special(data: memoryview) -> tuple[bool, bool]:
    """(anything to escape, any control character) in these bytes: scans, not regexes."""
    if not data:
        return False, False
    control = pc.min(pa.Array.from_buffers(pa.uint8(), len(data), [None, pa.py_buffer(data)]))
    has_control = control.as_py() < 0x20
    text = bytes(data)
    return has_control or b'"' in text or b"\\" in text, has_control


def _escaped(column: pa.Array) -> tuple[pa.Array, pa.Array | None]:
    """A string column as JSON string contents, and which rows json.dumps must write (None:
    no row)."""
    if not pa.types.is_string(column.type):
        column = column.cast(pa.string())
    escape, control = _special(utf8(column))
    if not escape:
        return column, None
    odd = pc.fill_null(pc.match_substring_regex(column, _UNNAMED), False) if control else None
    for char, text in _NAMED:
        column = pc.replace_substring(column, char, text)
    return column, odd


def lines(batch: pa.RecordBatch, prefix: str = "") -> pa.Array:
    """``prefix`` + ``json.dumps(vars(finding), ensure_ascii=False, sort_keys=True)`` for each
    finding of ``batch``, byte for byte, built with Arrow string kernels."""
    pieces: list[str | pa.Array] = []
    literal = prefix + "{"  # the text up to the next column value
    odd: pa.Array | None = None
    for i, name in enumerate(sorted(batch.schema.names)):
        column = batch.column(name)
        literal += (", " if i else "") + json.dumps(name) + ": "
        quote = not pa.types.is_integer(column.type)
        if quote:
            value, unnamed = _escaped(column)
            if unnamed is not None:
                odd = unnamed if odd is None else pc.or_(odd, unnamed)
        else:
            value = column.cast(pa.string())
        if column.null_count:  # JSON null: the quotes go around each present value
            if quote:
                value = pc.binary_join_element_wise('"', value, '"', "")
            pieces += [literal, pc.fill_null(value, "null")]
            literal = ""
        else:  # no null: the quotes are part of the literal text around the value
            pieces += [literal + ('"' if quote else ""), value]
            literal = '"' if quote else ""
    out = pc.binary_join_element_wise(*pieces, literal + "}", "")
    if odd is not None and pc.any(odd).as_py():
        rows = batch.filter(odd).to_pylist()
        exact = [prefix + json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows]
        out = pc.replace_with_mask(out, odd, pa.array(exact, pa.string()))
    return out


def _in_parallel(batches: Iterable[pa.RecordBatch], prefix: str) -> Iterator[pa.Array]:
    """`lines` of each batch, in order, a few batches built at a time on a thread pool
    (Arrow's kernels run outside the GIL)."""
    with ThreadPoolExecutor(max(2, os.cpu_count() or 1)) as pool:
        ahead: deque[Future[pa.Array]] = deque()
        for rows in batches:
            ahead.append(pool.submit(lines, rows, prefix))
            if len(ahead) > AHEAD:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()


def chunks(report: AuditReport, batch: int = BATCH) -> Iterator[Chunk]:
    """Indented JSON, except that each finding is one line: readable, diffable with grep,
    and streamed (an audit can have millions). The findings come ``batch`` at a time as UTF-8
    bytes, each batch's lines built at once by Arrow and written as one piece."""
    findings = report.findings
    document = {**doc.head(report), "findings": []}
    head = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    if not findings:
        yield head + "\n"
        return
    before, after = head.split('"findings": []', 1)
    yield before + '"findings": [\n'
    skip = len(SEPARATOR)  # the first line has no separator before it
    batches = (b for b in findings.table.to_batches(max_chunksize=batch) if b.num_rows)
    for text in _in_parallel(batches, SEPARATOR + INDENT):
        yield utf8(text)[skip:]  # a view of Arrow's memory: written without a copy
        skip = 0
    yield "\n  ]" + after + "\n"


def render(report: AuditReport) -> str:
    return "".join(p if isinstance(p, str) else str(p, ENCODING) for p in chunks(report))
