"""`checker.report.grouping.rule_groups`: from one pass over the findings, each rule's counts
and its capped examples, the same as filtering every finding in memory would give."""

from __future__ import annotations

import dataclasses

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.batches import Batches
from checker.report.grouping import rule_groups
from checker.report.model import FINDING_SCHEMA, AuditReport, FindingTable, InputSummary

RULES = ["a.one", "b.two", "c.three"]


def _report(rows: list[tuple[str, str, str | None]], show: int | None) -> AuditReport:
    """Findings (rule, status, baseline state) in report order: violations first."""
    rows = sorted(rows, key=lambda r: r[1] != "violation")
    n = len(rows)
    columns = {name: pa.nulls(n, pa.string()) for name in FINDING_SCHEMA.names}
    columns |= {
        "rule": pa.array([r[0] for r in rows], pa.string()),
        "status": pa.array([r[1] for r in rows], pa.string()),
        "baseline_state": pa.array([r[2] for r in rows], pa.string()),
        "severity": pa.array(["warning"] * n, pa.string()),
        "evidence": pa.array([f"#{i}" for i in range(n)], pa.string()),
        "line": pa.array(range(n), pa.int64()),
    }
    report = AuditReport(
        playbook="p",
        as_of="2026-01-01 00:00:00",
        lang="en",
        input=InputSummary(n, n, 0, []),
        rules=[],
        findings=FindingTable(pa.table(columns, schema=FINDING_SCHEMA)),
        show=show,
    )
    # read 7 at a time: the examples and counts span many batches
    whole = report.findings.rows
    batched = Batches(FINDING_SCHEMA, n, lambda _: whole.batches(7), whole)
    return dataclasses.replace(report, findings=FindingTable(batched))


FINDINGS = st.lists(
    st.tuples(
        st.sampled_from(RULES),
        st.sampled_from(["violation", "pending"]),
        st.sampled_from([None, "new", "known"]),
    ),
    max_size=60,
)


@settings(max_examples=60)
@given(rows=FINDINGS, show=st.one_of(st.none(), st.integers(0, 6)))
def test_counts_and_examples_match_the_whole_table(
    rows: list[tuple[str, str, str | None]], show: int | None
) -> None:
    report = _report(rows, show)
    table = report.findings.table
    groups = list(rule_groups(report, show))
    assert [g.rule for g in groups] == list(dict.fromkeys(table["rule"].to_pylist()))
    for g in groups:
        mine = table.filter(pc.equal(table["rule"], g.rule))
        assert g.total == mine.num_rows
        assert g.first(report.shown(g.total)).equals(mine.slice(0, report.shown(g.total)))
        for status in ("violation", "pending"):
            of = mine.filter(pc.equal(mine["status"], status))
            assert g.counts.get(status, 0) == of.num_rows
            new = pc.fill_null(pc.equal(of["baseline_state"], "new"), False)
            expected = pa.concat_tables([of.filter(new), of.filter(pc.invert(new))])
            keep = of.num_rows if show is None else min(max(show, 1), of.num_rows)
            assert g.of_status(status).slice(0, keep).equals(expected.slice(0, keep))
