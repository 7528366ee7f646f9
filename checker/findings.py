"""Engine output -> the report model: messages, evidence, input accounting (columnar)."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from checker.batches import Batches, mapped_ahead
from checker.churn.model import build_churn
from checker.engine.audit import AuditResult
from checker.engine.identity import anchors
from checker.engine.kinds._evidence import ts_text
from checker.engine.registry import get_kind
from checker.engine.report_order import CustomerNames, shown_customers
from checker.fingerprints import fingerprints
from checker.handbook.context import rule_anchor
from checker.paths import display_path
from checker.playbook.model import Playbook, Rule
from checker.playbook.text import fill_params
from checker.report.model import (
    FINDING_SCHEMA,
    UNASSIGNED,
    AuditReport,
    FindingTable,
    InputSummary,
    Reject,
    RuleDoc,
    RuleSummary,
)
from checker.report.runs import out_of_order, repeated, runs
from checker.scorecards.build import build_scorecards
from checker.trends.weekly import build_trends

_UNKNOWN = re.compile(r"unknown event '([^']*)'")


def _hint(reason: str, pb: Playbook) -> str:
    """Add "did you mean" to unknown events, and drop the trailing separator."""
    known = [*pb.events, *pb.data.get("event_aliases", {})]

    def repl(m: re.Match[str]) -> str:
        close = difflib.get_close_matches(m.group(1), known, n=1, cutoff=0.6)
        tip = f"; did you mean '{close[0]}'?" if close else " (map it under event_aliases)"
        return m.group(0) + tip

    return _UNKNOWN.sub(repl, reason).strip().rstrip(";")


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    return table.to_pylist()


def _evidence_of(
    rows: pa.Table, rules: dict[str, Rule], pb: Playbook, lang: str, pool: Executor
) -> Callable[[], pa.Array]:
    """Each rule's kind writes the evidence of a run of that rule's rows, run by run on
    ``pool`` (Arrow's string kernels run outside the GIL); the returned function waits for
    them and joins them in order."""
    jobs = []
    for at, n in runs([rows["rule"]]):
        rule = rules[rows["rule"][at].as_py()]
        kind = get_kind(rule.kind)
        jobs.append((rule, n, pool.submit(kind.evidence, rows.slice(at, n), rule, pb, lang)))

    def joined() -> pa.Array:
        parts = []
        for rule, n, job in jobs:
            text = job.result()
            if len(text) != n or text.null_count:
                raise RuntimeError(f"evidence of {rule.id}: {text.null_count} missing of {n}")
            parts.append(text)
        return pa.concat_arrays(parts) if parts else pa.array([], pa.string())

    return joined


class _InLine(Executor):
    """Runs each job as it is submitted."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        done: Future[Any] = Future()
        try:
            done.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed over with the result, as a pool would
            done.set_exception(exc)
        return done


def evidence_writer(pb: Playbook, lang: str) -> Callable[[pa.Table], pa.Array]:
    """The report's evidence for engine rows (`checker.engine.outcomes.OUTCOME_SCHEMA`) of
    any of ``pb``'s rules, written in this thread: for the engine to write as it reads each
    pass's findings (see `checker.engine.audit.run_engine`), while the backend runs on."""
    rules = {r.id: r for r in pb.rules}
    return lambda rows: _evidence_of(rows, rules, pb, lang, _InLine())()


def _completed(result: AuditResult, pb: Playbook, lang: str) -> pa.Table:
    """Engine rows read without the anchor or the evidence (every outcome asked for, or the
    evidence left to the report): both added, in memory, and sorted in full again (the
    engine sorted by all but the evidence)."""
    rules = {r.id: r for r in pb.rules}
    rows = result.findings.read_all()
    if "anchor" not in rows.column_names:
        rows = rows.append_column("anchor", anchors(rows, result.prepared.event_ids))
    if "evidence" not in rows.column_names:
        with ThreadPoolExecutor(max(2, os.cpu_count() or 1)) as pool:
            rows = rows.append_column("evidence", _evidence_of(rows, rules, pb, lang, pool)())
    keys = _order_keys(rows.select(ORDER))
    return rows.take(pc.sort_indices(keys, [(name, "ascending") for name in keys.column_names]))


# The order of the report: violations first, then by rule, place, customer, time, evidence.
ORDER = ["status", "rule", "file", "line", "customer_id", "ts", "evidence"]


def _order_keys(rows: pa.Table) -> pa.Table:
    """The report's sort keys of ``rows`` (their `ORDER` columns; Arrow compares UTF-8 bytes,
    which is code point order, as Python does)."""
    ts = rows["ts"] if pa.types.is_string(rows.schema.field("ts").type) else ts_text(rows["ts"])
    return pa.table(
        {
            "pending": pc.not_equal(rows["status"], "violation"),
            "rule": rows["rule"],
            "file": pc.fill_null(rows["file"], ""),
            "line": pc.fill_null(rows["line"], 0),
            "customer_id": rows["customer_id"],
            "ts": pc.fill_null(ts, ""),
            "evidence": rows["evidence"],
        }
    )


class _InOrder:
    """Checks that batches come in the report's order, each and across their edges (the
    backend sorted them; a difference from Arrow's comparisons would be a bug)."""

    def __init__(self) -> None:
        self.last: pa.Table | None = None

    def __call__(self, batch: pa.RecordBatch) -> None:
        keys = _order_keys(pa.Table.from_batches([batch.select(ORDER)]))
        edge = keys if self.last is None else pa.concat_tables([self.last, keys])
        if out_of_order(edge):
            raise RuntimeError("the engine's findings are not in the report's order")
        self.last = keys.slice(keys.num_rows - 1)


def _finding_rows(
    rows: pa.RecordBatch, rules: dict[str, Rule], lang: str, keyed: CustomerNames | None
) -> pa.RecordBatch:
    """Engine rows (anchor and evidence written, in the report's order) -> finding rows."""
    spans = runs([rows["rule"]])
    of_run = [rules[rows["rule"][at].as_py()] for at, _ in spans]
    lengths = [n for _, n in spans]
    texts = {
        "principle": [r.principle for r in of_run],
        "severity": [r.severity for r in of_run],
        "message": [fill_params(r.message[lang], r.params, lang) for r in of_run],
    }
    customer = rows["customer_id"]
    shown = customer if keyed is None else shown_customers(customer, keyed)
    computed = {
        "ts": ts_text(rows["ts"]),
        "fingerprint": fingerprints(rows["rule"], shown, rows["anchor"]),
        "baseline_state": pa.nulls(len(rows), pa.string()),  # see `checker.baseline`
        "agent_id": pc.fill_null(rows["agent_id"], UNASSIGNED),
        "channel": pc.fill_null(rows["channel"], UNASSIGNED),
    }
    columns = [
        repeated(texts[name], lengths).combine_chunks()
        if name in texts
        else computed[name]
        if name in computed
        else rows[name]
        for name in FINDING_SCHEMA.names
    ]
    return pa.RecordBatch.from_arrays(columns, schema=FINDING_SCHEMA)


def _findings(
    result: AuditResult, pb: Playbook, lang: str, keyed: CustomerNames | None
) -> FindingTable:
    """Engine rows in report order (but for the evidence unless the engine wrote it; see
    `checker.engine.report_order`) -> the finding table, a batch at a time on a thread pool,
    written to a temporary file: never every finding in memory at once."""
    rules = {r.id: r for r in pb.rules}
    rows = result.findings
    if not {"anchor", "evidence"} <= set(rows.column_names):
        rows = Batches.of(_completed(result, pb, lang))
    in_order = _InOrder()

    def checked(batch: pa.RecordBatch) -> pa.RecordBatch:
        in_order(batch)
        return batch

    made = mapped_ahead(lambda b: _finding_rows(b, rules, lang, keyed), map(checked, rows))
    return FindingTable(Batches.written(made, FINDING_SCHEMA))


def rule_docs(pb: Playbook, lang: str, site_url: str | None) -> dict[str, RuleDoc]:
    """Each rule's description (with its live thresholds), fix, and handbook entry: the
    rule reference page of the site at ``site_url`` (English under ``en/``)."""
    base = None if not site_url else site_url.rstrip("/") + ("/en" if lang == "en" else "")
    return {
        r.id: RuleDoc(
            description=get_kind(r.kind).describe(r, pb, lang),
            fix=fill_params(r.fix.get(lang, ""), r.params, lang),
            help_uri=None if base is None else f"{base}/rules/#{rule_anchor(r.id)}",
            why=fill_params(r.why.get(lang, ""), r.params, lang),
        )
        for r in pb.rules
    }


def build_report(
    result: AuditResult,
    pb: Playbook,
    *,
    lang: str,
    keyed: CustomerNames | None = None,
    site_url: str | None = None,
) -> AuditReport:
    """The report of an audit whose findings are in report order (see
    `checker.engine.report_order`; ``run_engine`` without ``keep_ok``). ``keyed``: how to
    key the findings' customers for their fingerprints when the report shows raw ids (None:
    they are keyed pseudonyms already)."""
    prep = result.prepared
    rejects = sorted(
        (
            Reject(file=r["file"], line=int(r["line"]), reason=_hint(r["reason"], pb))
            for r in _rows(result.rejects)
        ),
        key=lambda r: (r.file, r.line),
    )
    counts: dict[tuple[str, str], int] = {}
    for r in _rows(result.counts):
        key = (r["rule"], r["status"])
        counts[key] = counts.get(key, 0) + int(r["n"])
    summaries = [
        RuleSummary(
            rule=rule.id,
            principle=rule.principle,
            severity=rule.severity,
            title=rule.title[lang],
            opportunities=sum(n for (rid, _), n in counts.items() if rid == rule.id),
            violations=counts.get((rule.id, "violation"), 0),
            pending=counts.get((rule.id, "pending"), 0),
        )
        for rule in pb.rules
    ]
    findings = _findings(result, pb, lang, keyed)
    rejected = len(rejects)
    return AuditReport(
        playbook=" + ".join(
            dict.fromkeys(display_path(p.parent if p.parent.name else p) for p in pb.sources)
        ),
        as_of=prep.as_of.strftime("%Y-%m-%d %H:%M:%S"),
        lang=lang,
        input=InputSummary(
            rows_read=prep.rows_read,
            rows_checked=prep.rows_read - rejected,
            rows_rejected=rejected,
            rejects=rejects,
        ),
        rules=summaries,
        findings=findings,
        principles={pid: p["title"][lang] for pid, p in pb.principles.items()},
        scorecards=build_scorecards(result.counts, result.kpis, pb),
        churn=build_churn(result.churn, result.findings, pb, lang),
        trends=None if result.weekly is None else build_trends(result.weekly, pb),
        rule_docs=rule_docs(pb, lang, site_url),
    )
