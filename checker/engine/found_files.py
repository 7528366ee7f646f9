"""The audit's findings on their way to the report, on disk rather than in memory: each pass's
findings are written to the backend's scratch folder as they are read, and the backend then
sorts them all into one Parquet file in the report's order (beyond its memory limit if need
be), which the report reads a batch at a time (see `checker.batches`)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from checker.batches import Batches, temporary_file
from checker.engine.backends.base import Backend
from checker.engine.outcomes import DETAILS, OUTCOME_SCHEMA

WRITTEN = ("anchor", "evidence")  # what the engine adds to a finding (see `pass_queries`)


def found_schema(names: list[str]) -> pa.Schema:
    """The one schema of the findings with columns ``names``: the outcomes' types, in their
    order, then what the engine wrote (strings)."""
    outcome = OUTCOME_SCHEMA.to_pyarrow()
    ordered = [n for n in outcome.names if n in names]
    return pa.schema(
        [outcome.field(n) for n in ordered]
        + [pa.field(n, pa.string()) for n in names if n not in ordered]
    )


def empty_found(evidence: bool) -> pa.Schema:
    """The schema of an audit's findings when there are none."""
    outcome = OUTCOME_SCHEMA.to_pyarrow().names
    kept = [n for n in outcome if n not in DETAILS] if evidence else outcome
    return found_schema([*kept, *(WRITTEN if evidence else WRITTEN[:1])])


class FoundFiles:
    """The findings of the passes read so far, a Parquet file each in ``folder``."""

    def __init__(self, folder: Path, evidence: bool) -> None:
        self.folder = folder
        self.files: list[Path] = []
        self.schema = empty_found(evidence)

    def add(self, found: pa.Table) -> None:
        """Write a pass's findings (kept nowhere else)."""
        if not found.num_rows:
            return
        schema = found_schema(found.column_names)
        path = self.folder / f"found-{len(self.files):04d}.parquet"
        pq.write_table(found.select(schema.names).cast(schema), path)
        self.files.append(path)
        self.schema = schema

    def in_report_order(self, backend: Backend, files: list[str]) -> Batches:
        """Every finding, sorted by ``backend`` as the report lists them (see
        `checker.engine.report_order`), in a temporary file read a batch at a time."""
        if not self.files:
            return Batches.of(self.schema.empty_table())
        out, owner = temporary_file(".parquet")
        backend.write_in_report_order(self.files, files, out)
        for path in self.files:
            path.unlink()
        return Batches.parquet(out, owner)
