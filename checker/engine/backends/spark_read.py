"""Log files into one Spark table of raw rows, each with its place (seq, file_no, line).

Spark reads a file in blocks, in parallel, and keeps no row's number. A row's number is
found from where it was read: the block's start (``_metadata.file_block_start``) and the
row's place in its task (``monotonically_increasing_id``, consecutive within a task, which
reads a block's rows in file order). One small query counts each block's rows; a row's
record number is then the rows of the blocks before its own plus its place in its block.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir

from checker.engine import cache
from checker.engine.backends.base import Build, canonical, missing_columns
from checker.engine.backends.spark_files import CORRUPT, corrupt_lines, location, read_file
from checker.errors import Problem
from checker.log.places import place, seq_of
from checker.log.sources import EMPTY_SCHEMA, checked, first_line

_BLOCK, _ID, LINE = "_huitou_block", "_huitou_id", "_huitou_line"


def read_numbered(session: Any, path: Path, first: int) -> Any:
    """``path`` read by Spark's own reader (see `read_file`), each row with ``LINE``, its
    record's number, the first being ``first``."""
    return numbered(read_file(session, path), first, read_whole(session, path))


def numbered(df: Any, first: int, one_block: bool) -> Any:
    """``df`` (a file just read) with ``LINE``: its record's number, the first being
    ``first``. ``one_block``: the file is read whole by one task (see `read_whole`), whose
    row ids count its rows from 0, so no query counts the blocks."""
    from pyspark.sql import functions as F

    if one_block:
        return df.withColumn(LINE, (F.monotonically_increasing_id() + first).cast("long"))
    marked = df.select(
        "*",
        F.col("_metadata.file_block_start").alias(_BLOCK),
        F.monotonically_increasing_id().alias(_ID),
    )
    blocks = marked.groupBy(_BLOCK).agg(F.count("*").alias("n"), F.min(_ID).alias("lo"))
    counted = sorted((int(r[_BLOCK]), int(r["n"]), int(r["lo"])) for r in blocks.collect())
    starts = itertools.accumulate((n for _, n, _ in counted), initial=first)
    line = F.lit(first)
    for (block, _, lo), start in zip(counted, starts, strict=False):
        line = F.when(F.col(_BLOCK) == block, F.col(_ID) - lo + start).otherwise(line)
    return marked.withColumn(LINE, line.cast("long")).drop(_BLOCK, _ID)


def read_whole(session: Any, path: Path) -> bool:
    """Whether Spark reads the local file ``path`` in one block: a file no larger than
    ``spark.sql.files.openCostInBytes`` (4 MB by default) and ``maxPartitionBytes`` is one
    split whatever the session's parallelism (Spark splits at no less than the smaller of
    the two), so the one task reading the partition reads every row, in file order."""
    where, local = location(path)
    if not local:
        return False
    conf = session.conf
    smallest = min(
        _bytes(conf.get("spark.sql.files.openCostInBytes", "4194304")),
        _bytes(conf.get("spark.sql.files.maxPartitionBytes", "134217728")),
    )
    return Path(where).stat().st_size <= smallest


def _bytes(value: str) -> int:
    """A Spark size setting (``4194304``, ``4194304b``, ``4m``, ``128MB``) in bytes."""
    text = value.strip().lower().removesuffix("b")
    scale = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}.get(text[-1:], 1)
    return int(float(text.rstrip("kmgt")) * scale)


def _checked_json(df: Any, path: Path) -> Any:
    """``df`` without Spark's column of unreadable lines; any such line is an error."""
    if CORRUPT not in df.columns:
        return df
    from pyspark.sql import functions as F

    df = df.cache()  # Spark reads the corrupt-record column only off a cached scan
    bad = df.filter(F.col(CORRUPT).isNotNull()).select(LINE).orderBy(LINE).limit(20).collect()
    if bad:
        raise corrupt_lines(path, [int(r[LINE]) for r in bad])
    return df.drop(CORRUPT)


def _view(con: ibis.BaseBackend, df: Any, views: list[str]) -> ir.Table:
    name = ibis.util.gen_name("huitou_file")
    df.createOrReplaceTempView(name)
    views.append(name)
    return con.table(name)


def open_part(
    con: ibis.BaseBackend,
    path: Path,
    file_no: int,
    aliases: dict[str, str],
    problems: list[Problem],
    views: list[str],
) -> ir.Table | None:
    """One file's canonical columns (strings) and ``seq``; None for an empty file or one
    without a required column (told in ``problems``)."""
    if location(path)[1] and not checked(path):
        return None
    df = read_numbered(con._session, path, first_line(path))
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        df = _checked_json(df, path)
    t = canonical(_view(con, df, views), aliases, path, problems, keep=(LINE,))
    if t is None:
        return None
    return t.mutate(**{LINE: seq_of(file_no, t[LINE])})


def read_logs(
    con: ibis.BaseBackend, paths: list[Path], aliases: dict[str, str], build: Build
) -> ir.Table:
    """Every file's rows, with ``seq``, ``file_no`` and ``line``, through ``build``, in ONE
    cached table (held for the session, its views dropped with it)."""
    problems: list[Problem] = []
    views: list[str] = []
    parts = [
        t
        for i, p in enumerate(paths)
        if (t := open_part(con, p, i, aliases, problems, views)) is not None
    ]
    missing_columns(problems)
    if not parts:
        empty = ibis.memtable(EMPTY_SCHEMA.to_pyarrow().empty_table())
        parts = [empty.mutate(**{LINE: ibis.literal(first_line(paths[0]) if paths else 1)})]
    # The files' raw rows in one union, built once: built per file, the query would hold
    # the normalisation once per file, which Spark analyses and optimises once per copy.
    placed = [part.mutate(seq=part[LINE].cast("int64")).drop(LINE) for part in parts]
    rows = build(ibis.union(*placed, distinct=False) if len(placed) > 1 else placed[0])
    file_no, line = place(rows.seq)
    table = cache.materialize(rows.mutate(file_no=file_no, line=line))
    return cache.hold(table, lambda: [con._session.catalog.dropTempView(v) for v in views])
