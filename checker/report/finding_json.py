"""Each finding as one line of JSON, byte for byte ``json.dumps(vars(finding),
ensure_ascii=False, sort_keys=True)``, built a batch at a time by Arrow string kernels.

The JSON report (its findings, one per line) and the JSON Lines report write the same lines;
this module is theirs to share (report writers do not import each other).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pyarrow as pa
import pyarrow.compute as pc

from checker.batches import mapped_ahead
from checker.report.lines import utf8

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


def in_parallel(batches: Iterable[pa.RecordBatch], prefix: str) -> Iterator[pa.Array]:
    """`lines` of each batch, in order, a few batches built at a time on a thread pool."""
    return mapped_ahead(lambda rows: lines(rows, prefix), batches)
