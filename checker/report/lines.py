"""Findings as lines for people (text and JUnit reports), built a column at a time.

A report can hold millions of findings: each line is assembled by Arrow string kernels over
a whole column, never character by character in Python. `one_line` is the same cleaning for
one value (titles, reasons); a test keeps the two equal on hostile text.
"""

from __future__ import annotations

import unicodedata

import pyarrow as pa
import pyarrow.compute as pc

from checker.report.model import UNASSIGNED

NONE = "—"
_BIDI = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}
# What `one_line` replaces, as RE2 classes (linear time on any input): line breaks and tabs
# become a space; other control characters (Unicode category Cc), bidi overrides and the two
# non-characters become U+FFFD. (Surrogates, category Cs, cannot occur in UTF-8 data.)
_BREAKS = r"[\t\n\r]"
_UNSAFE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\x{202A}-\x{202E}\x{2066}-\x{2069}\x{FFFE}\x{FFFF}]"


def one_line(value: object) -> str:
    """Text safe for one terminal or XML line: no newlines, control or bidi-override chars."""
    out = []
    for ch in str(value):
        if ch in "\t\n\r":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs") or ord(ch) in _BIDI or ch in "\ufffe\uffff":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def one_line_column(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """`one_line` of every value of a string column (NULL stays NULL)."""
    spaced = pc.replace_substring_regex(values, _BREAKS, " ")
    return pc.replace_substring_regex(spaced, _UNSAFE, "\ufffd")


def location(file: pa.ChunkedArray, line: pa.ChunkedArray) -> pa.ChunkedArray:
    """``file:line``, the file alone when it has no line, a dash when there is no file."""
    at = pc.binary_join_element_wise(file, pc.cast(line, pa.string()), ":")
    return pc.fill_null(pc.coalesce(at, file), NONE)


def attribution(findings: pa.Table) -> pa.ChunkedArray:
    """``agent@channel``: who is responsible for each finding, and where."""
    agent, channel = (pc.fill_null(findings[n], UNASSIGNED) for n in ("agent_id", "channel"))
    return pc.binary_join_element_wise(agent, channel, "@")


def finding_blocks(findings: pa.Table, indent: str = "") -> pa.ChunkedArray:
    """Per finding: `file:line  ts  customer  agent@channel  message`, then the evidence
    indented beneath (two lines joined by a newline; no trailing newline)."""
    head = [
        one_line_column(location(findings["file"], findings["line"])),
        one_line_column(pc.fill_null(findings["ts"], NONE)),
        one_line_column(findings["customer_id"]),
        one_line_column(attribution(findings)),
        one_line_column(findings["message"]),
    ]
    parts = [
        indent,
        head[0],
        "  ",
        head[1],
        "  ",
        head[2],
        "  ",
        head[3],
        "  ",
        head[4],
        f"\n{indent}    ",
        one_line_column(findings["evidence"]),
    ]
    return pc.binary_join_element_wise(*parts, "")


# A piece of a report as its formats stream it: text, or bytes already in the format's
# encoding (a memoryview: of Arrow's memory, not copied).
Chunk = str | bytes | memoryview


def utf8(strings: pa.Array) -> memoryview:
    """The bytes of all values of a string array, back to back (no copy)."""
    _, offsets, data = strings.buffers()
    if data is None:
        return memoryview(b"")
    at = memoryview(offsets).cast("i")
    return memoryview(data)[at[strings.offset] : at[strings.offset + len(strings)]]


def joined(blocks: pa.Array | pa.ChunkedArray, end: str = "\n") -> bytes:
    """Every value followed by ``end``, as one UTF-8 string of bytes."""
    ended = pc.binary_join_element_wise(blocks, end, "")
    if isinstance(ended, pa.ChunkedArray):
        ended = ended.combine_chunks()
    return bytes(utf8(ended.cast(pa.string())))
