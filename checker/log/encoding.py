"""Detect a CSV's encoding (UTF-8, UTF-8 with BOM, GB18030/GBK) and give DuckDB UTF-8."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from checker.errors import HuitouError, Problem

CHUNK = 8 << 20
# Only the head of a file is decoded up front: DuckDB validates UTF-8 as it reads, and a
# file whose later bytes are not UTF-8 is detected again in full (see `sources.read_all`).
HEAD = 4 << 20


def _decodes(path: Path, encoding: str, limit: int | None = None) -> tuple[bool, int]:
    """Whether the file (or its first ``limit`` bytes) decodes; else the 1-based line of the
    first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line, left = 1, limit
    with path.open("rb") as f:
        while chunk := f.read(CHUNK if left is None else min(CHUNK, left)):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return False, line + chunk[: exc.start].count(b"\n")
            line += chunk.count(b"\n")
            if left is not None:
                left -= len(chunk)
                if left <= 0:  # the head decodes (a character cut at its end is fine)
                    return True, line
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False, line
    return True, line


def detect(path: Path, *, whole: bool = True) -> str:
    """``utf-8`` (BOM or not) or ``gb18030`` (a superset of GBK and GB2312); ``whole=False``
    looks at the head only."""
    ok, bad_line = _decodes(path, "utf-8", None if whole else HEAD)
    if ok:
        return "utf-8"
    if _decodes(path, "gb18030")[0]:
        return "gb18030"
    raise HuitouError(
        "Cannot read a log file: it is neither UTF-8 nor GBK/GB18030 text.",
        [
            Problem(
                "invalid byte sequence; re-export the file as UTF-8", file=str(path), line=bad_line
            )
        ],
    )


def as_utf8(path: Path, workdir: Path, *, whole: bool = True) -> Path:
    """``path`` itself when it is UTF-8, else a UTF-8 copy in ``workdir`` (streamed)."""
    if detect(path, whole=whole) == "utf-8":
        return path
    handle = tempfile.NamedTemporaryFile(
        "wb", dir=workdir, suffix=".csv", delete=False, prefix="gbk-"
    )
    decoder = codecs.getincrementaldecoder("gb18030")()
    with path.open("rb") as src, handle as dst:
        while chunk := src.read(CHUNK):
            dst.write(decoder.decode(chunk).encode("utf-8"))
        dst.write(decoder.decode(b"", final=True).encode("utf-8"))
    return Path(handle.name)
