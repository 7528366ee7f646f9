"""The engine's public entry points: run the rules of a playbook over log files."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import ibis
import pyarrow as pa
import pyarrow.compute as pc

from checker.batches import Batches
from checker.churn.query import Lapsed, lapsed_customers
from checker.engine.backends import backend_for
from checker.engine.backends.base import Backend
from checker.engine.backends.duckdb import duckdb_session
from checker.engine.customer_keys import KEY
from checker.engine.evaluate import passes
from checker.engine.found_files import FoundFiles
from checker.engine.in_turn import results_in_turn
from checker.engine.outcomes import OUTCOME_SCHEMA, as_table, union
from checker.engine.pass_queries import Evidence, pass_queries
from checker.engine.prepare import Prepared, prepare
from checker.engine.report_order import CustomerNames, named_ahead
from checker.engine.tally import ATTRIBUTION, COUNT_SCHEMA, summed_by
from checker.engine.weeks import WEEK
from checker.playbook.model import Playbook
from checker.progress import AuditProgress
from checker.scorecards.kpi_query import kpi_query

Rows = TypeVar("Rows", pa.Table, pa.RecordBatch)


@dataclass
class AuditResult:
    prepared: Prepared
    counts: pa.Table  # rule, status, agent_id, channel, n (see `checker.engine.tally`)
    # OUTCOME_SCHEMA rows whose status is violation or pending, ``file`` for ``file_no``; in
    # the report's order, and the customers as the report names them, unless every outcome
    # was asked for (``keep_ok``). With the evidence written (see `run_engine`): an
    # ``evidence`` column instead of DETAILS. Read a batch at a time: on disk for an audit.
    findings: Batches
    rejects: pa.Table  # file, line, reason
    kpis: pa.Table | None = None  # per agent (see `checker.scorecards.kpi_query`)
    churn: Lapsed | None = None  # the lapsed repeat customers (see `checker.churn.query`)
    weekly: pa.Table | None = None  # rule, status, week, n (see `checker.engine.weeks`)


def with_file_names(table: Rows, files: list[str]) -> Rows:
    """Replace the engine's ``file_no`` by the input file's name (vectorised)."""
    names = pa.array([*files, None], type=pa.string())
    index = pc.fill_null(table.column("file_no"), len(files))
    at = table.schema.get_field_index("file_no")
    return table.set_column(at, "file", pc.take(names, index))


def run_engine(
    con: ibis.BaseBackend,
    workdir: Path,
    paths: list[Path],
    playbook: Playbook,
    *,
    customers: Path | None = None,
    as_of: datetime | None = None,
    keep_ok: bool = False,
    customer_names: CustomerNames | None = None,
    evidence: Evidence | None = None,
    progress: AuditProgress | None = None,
) -> AuditResult:
    """Audit ``paths``. The findings come sorted as a report lists them (see
    `checker.engine.report_order`), their customers named by ``customer_names`` (None: the
    raw ids), with an ``evidence`` column written by ``evidence`` (see
    `checker.findings.evidence_writer`; None: without); with ``keep_ok``, every outcome,
    unsorted, with the raw ids and no evidence."""
    progress = progress or AuditProgress(enabled=False)
    progress.step("read")
    prep = prepare(
        con,
        paths,
        playbook,
        customers_path=customers,
        as_of=as_of,
        workdir=workdir,
        # Told only to a display: on Spark, each count is a job (a scan of the whole log).
        on_rows=progress.rows if progress.enabled else None,
    )
    progress.rows(prep.rows_read)
    return audit_prepared(
        con,
        workdir,
        prep,
        playbook,
        keep_ok=keep_ok,
        customer_names=customer_names,
        evidence=evidence,
        progress=progress,
    )


def audit_prepared(
    con: ibis.BaseBackend,
    workdir: Path,
    prep: Prepared,
    playbook: Playbook,
    *,
    keep_ok: bool = False,
    customer_names: CustomerNames | None = None,
    evidence: Evidence | None = None,
    progress: AuditProgress | None = None,
) -> AuditResult:
    """The audit of events already prepared on ``con`` (see `checker.engine.prepare`), as
    `run_engine` describes. The prepared events stay as they are: the same session may
    audit them again (every outcome, then the findings: the tests compare the two)."""
    progress = progress or AuditProgress(enabled=False)
    progress.step("audit")
    backend = backend_for(con, workdir)
    customers_by_key = backend.fetch(prep.segments.select(KEY, "customer_id"))  # a row each
    with ThreadPoolExecutor(1, thread_name_prefix="huitou-names") as pool:
        if customer_names is not None and not keep_ok:  # named while the passes run
            ids = customers_by_key["customer_id"].combine_chunks()
            customer_names = named_ahead(customer_names, ids, pool)
        return _audit(
            backend, prep, playbook, keep_ok, customers_by_key, customer_names, evidence, progress
        )


def _audit(
    backend: Backend,
    prep: Prepared,
    playbook: Playbook,
    keep_ok: bool,
    customers_by_key: pa.Table,
    customer_names: CustomerNames | None,
    evidence: Evidence | None,
    progress: AuditProgress,
) -> AuditResult:
    """The passes over the prepared events, and their findings in the report's order."""
    rejects = with_file_names(backend.fetch(prep.rejected), prep.files)
    counts: list[pa.Table] = []
    kpis = churn = None
    if keep_ok:  # every outcome (tests, comparisons): one plain query a pass
        every: list[pa.Table] = []
        for p in passes(prep, playbook, playbook.rules):
            outcomes = backend.fetch(union([as_table(p.table, o) for _, o in p.outcomes]))
            counts.append(_counted(outcomes))
            every.append(outcomes)
        if not every:
            every = [OUTCOME_SCHEMA.to_pyarrow().empty_table()]
        found = Batches.of(pa.concat_tables(every, promote_options="permissive"))
    else:  # the backend runs each query while the last one's result is unpacked here (one
        # ahead, not more: a slow reader would otherwise gather every result in memory)
        all_passes = passes(prep, playbook, playbook.rules)
        queries = pass_queries(
            all_passes, customers_by_key, customer_names, evidence, prep.event_ids
        )
        results = results_in_turn(backend.runner, [query for query, _ in queries], ahead=1)
        progress.passes(0, len(queries))
        spilled = FoundFiles(backend.workdir, evidence is not None)
        for done, ((_, read), result) in enumerate(zip(queries, results, strict=True), 1):
            for c, f in read(result):  # a slice at a time
                counts.append(c)
                spilled.add(f)  # to disk: the findings are never all in memory
                del f
                # What the slice took goes back to the system at once, not kept by Arrow's
                # allocator for the next one: the backend's next query runs meanwhile.
                pa.default_memory_pool().release_unused()
            del result
            progress.passes(done, len(queries))
        found = spilled.in_report_order(backend, prep.files)  # sorted by the backend
        kpis = backend.fetch(kpi_query(prep.events, playbook, prep.as_of))
        churn = lapsed_customers(backend.con, prep, playbook, customer_names)
    named = found.schema.set(found.schema.get_field_index("file_no"), pa.field("file", pa.string()))
    every_count = pa.concat_tables(
        counts or [COUNT_SCHEMA.empty_table()], promote_options="permissive"
    )
    return AuditResult(
        prep,
        summed_by(every_count, ["rule", "status", *ATTRIBUTION]),  # the weeks added up
        found.map(lambda rows: with_file_names(rows, prep.files), named),
        rejects,
        kpis,
        churn,
        summed_by(every_count, ["rule", "status", WEEK]),  # the agents and channels added up
    )


def _counted(outcomes: pa.Table) -> pa.Table:
    """rule, status, agent_id, channel, week, n of outcomes already read: counted here, not
    by a second query (which would compile and run the pass again)."""
    week = pc.floor_temporal(outcomes["ts"], unit="week", week_starts_monday=True)
    keyed = outcomes.select(["rule", "status", *ATTRIBUTION]).append_column(
        WEEK, week.cast(pa.date32())
    )
    return summed_by(keyed.append_column("n", pa.repeat(1, len(keyed))), COUNT_SCHEMA.names[:-1])


def evaluate_outcomes(
    paths: list[Path],
    playbook: Playbook,
    *,
    customers: Path | None = None,
    as_of: datetime | None = None,
) -> pa.Table:
    """Every outcome (ok, violation, pending) of every enabled rule, with raw customer ids."""
    with duckdb_session() as (con, workdir):
        return run_engine(
            con, workdir, paths, playbook, customers=customers, as_of=as_of, keep_ok=True
        ).findings.read_all()
