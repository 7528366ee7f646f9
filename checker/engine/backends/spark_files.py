"""How Spark's own readers are told to read a log file so that they read what DuckDB reads:
CSV (UTF-8 or GB18030/GBK, RFC 4180 quotes, quoted line breaks), JSON Lines (every value as
its text), Parquet. Each row keeps its record's number in the file (see `numbered`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Layout:
    """What a byte scan of a CSV file tells before Spark reads it."""

    quoted_line_breaks: bool  # a quoted value spans lines
    blank_line: int | None  # the first line of only spaces or tabs outside quotes, if any


def layout(path: Path) -> Layout:
    """Scan ``path``'s lines, keeping track of quotes (a line with an odd number of them
    opens or closes a quoted value; a doubled quote inside a value adds two; the quote byte
    is never part of a multi-byte GB18030 character)."""
    carry, inside, spans, line_no = b"", False, False, 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            chunk = carry + chunk
            cut = chunk.rfind(b"\n") + 1
            for line in chunk[:cut].split(b"\n")[:-1]:
                line_no += 1
                if not inside and line.strip(b" \t\r\v\f") == b"" and line.rstrip(b"\r"):
                    return Layout(spans, line_no)
                if line.count(b'"') % 2:
                    inside = not inside
                    spans = True
            carry = chunk[cut:]
    return Layout(spans or carry.count(b'"') % 2 == 1, None)


def _blank_line(path: Path, line: int) -> HuitouError:
    return HuitouError(
        "A CSV line holds only spaces.",
        [
            Problem(
                "Spark's CSV reader skips such a line (DuckDB reads it as a row) and would "
                "number the rows after it differently: delete the line, or audit with "
                "--engine duckdb",
                file=str(path),
                line=line,
            )
        ],
    )


def csv_options(path: Path, local: bool) -> dict[str, Any]:
    """The CSV reader's options for ``path``: every value a string, a quote escaped by
    doubling it, a short row padded with NULLs; one reader for the file when a quoted value
    spans lines (as DuckDB's serial read)."""
    encoding = detect(path) if local else "utf-8"
    scanned = layout(path) if local else Layout(True, None)
    if scanned.blank_line is not None:
        raise _blank_line(path, scanned.blank_line)
    return {
        "header": True,
        "sep": separator(path),
        "quote": '"',
        "escape": '"',
        "mode": "PERMISSIVE",
        "encoding": "GB18030" if encoding == "gb18030" else "UTF-8",
        "multiLine": scanned.quoted_line_breaks,
    }


def read_file(session: Any, path: Path) -> Any:
    """``path`` as a Spark DataFrame of the file's own columns."""
    where, local = location(path)
    reader = session.read
    fmt = file_format(path)
    if fmt == "csv":
        options = csv_options(path, local)
        if options["encoding"] != "UTF-8":  # Spark 4 reads other charsets only when told
            session.conf.set("spark.sql.legacy.javaCharsets", "true")
        df = reader.options(**options).csv(where)
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
