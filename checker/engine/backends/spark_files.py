"""How Spark's own readers are told to read a log file so that they read what DuckDB reads:
CSV (UTF-8 or GB18030/GBK, RFC 4180 quotes, quoted line breaks), JSON Lines (every value as
its text), Parquet. Each row keeps its record's number in the file (see `numbered`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from checker.errors import HuitouError, Problem
from checker.log.encoding import CHUNK, detect
from checker.log.sources import file_format, separator

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):/(?!/)")
CORRUPT = "_corrupt_record"


def location(path: Path) -> tuple[str, bool]:
    """(what Spark reads, whether it is a local file). A URI such as ``s3://bucket/log.csv``
    (which a ``Path`` folds to ``s3:/bucket``) is given back as written."""
    text = str(path)
    if m := _SCHEME.match(text):
        return f"{m.group(1)}://{text[m.end() :]}", False
    return str(path.resolve()), True


def quoted_line_breaks(path: Path) -> bool:
    """Whether a quoted CSV value spans lines: a line with an odd number of quotes (a
    doubled quote inside a value adds two). A byte scan; the quote byte is never part of a
    multi-byte GB18030 character."""
    carry = b""
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            chunk = carry + chunk
            cut = chunk.rfind(b"\n") + 1
            whole, carry = chunk[:cut], chunk[cut:]
            if whole.count(b'"') and any(line.count(b'"') % 2 for line in whole.split(b"\n")):
                return True
    return carry.count(b'"') % 2 == 1


def csv_options(path: Path, local: bool) -> dict[str, Any]:
    """The CSV reader's options for ``path``: every value a string, a quote escaped by
    doubling it, a short row padded with NULLs; one reader for the file when a quoted value
    spans lines (as DuckDB's serial read)."""
    encoding = detect(path) if local else "utf-8"
    return {
        "header": True,
        "sep": separator(path),
        "quote": '"',
        "escape": '"',
        "mode": "PERMISSIVE",
        "encoding": "GB18030" if encoding == "gb18030" else "UTF-8",
        "multiLine": quoted_line_breaks(path) if local else True,
    }


def read_file(session: Any, path: Path) -> Any:
    """``path`` as a Spark DataFrame of the file's own columns."""
    where, local = location(path)
    reader = session.read
    fmt = file_format(path)
    if fmt == "csv":
        df = reader.options(**csv_options(path, local)).csv(where)
        first = df.columns[0] if df.columns else ""
        return df.withColumnRenamed(first, first.lstrip("\ufeff")) if first else df
    if fmt == "json":
        # Every value as its text; a line that is not JSON is kept whole in CORRUPT.
        return reader.options(
            primitivesAsString=True, mode="PERMISSIVE", columnNameOfCorruptRecord=CORRUPT
        ).json(where)
    return reader.parquet(where)


def corrupt_lines(path: Path, lines: list[int]) -> HuitouError:
    """Lines of a JSON Lines file that are not JSON: all named, as DuckDB names the first."""
    return HuitouError(
        "Cannot parse a log file.",
        [
            Problem("not a JSON object; fix the row or re-export the file", file=str(path), line=n)
            for n in lines
        ],
    )
