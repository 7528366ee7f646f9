"""What the summaries of several formats share: rules by principle, compliance as text,
each rule's findings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from checker.report.lines import NONE
from checker.report.model import AuditReport, RuleSummary


def rules_by_principle(report: AuditReport) -> list[tuple[str, list[RuleSummary]]]:
    """Rules grouped by principle, in the playbook's principle order (unknown ones last)."""
    order = dict.fromkeys([*report.principles, *(r.principle for r in report.rules)])
    groups = [(p, [r for r in report.rules if r.principle == p]) for p in order]
    return [(p, rules) for p, rules in groups if rules]


def percent(rule: RuleSummary) -> str:
    return NONE if rule.compliance is None else f"{rule.compliance * 100:.1f}%"


AT = "_at"  # a finding's place in the report (its row number), kept with each example
Bucket = tuple[str, str, str | None]  # rule, status, baseline state


@dataclass(frozen=True)
class RuleFindings:
    """A rule's findings as a report lists them: how many of each status, and examples (the
    first ``keep`` of each status and baseline state, in the report's order)."""

    rule: str
    counts: dict[str, int]  # status -> findings
    examples: pa.Table  # FINDING_SCHEMA rows and `AT`, in the report's order

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def severity(self) -> str:
        return str(self.examples["severity"][0].as_py())

    def first(self, n: int | None) -> pa.Table:
        """The first ``n`` findings (None: every one kept) in the report's order."""
        rows = self.examples.drop_columns([AT])
        return rows if n is None else rows.slice(0, n)

    def of_status(self, status: str) -> pa.Table:
        """The examples of ``status``, those new against the baseline first (each part in
        the report's order)."""
        mine = self.examples.filter(pc.equal(self.examples["status"], status))
        new = pc.fill_null(pc.equal(mine["baseline_state"], "new"), False)
        return pa.concat_tables([mine.filter(new), mine.filter(pc.invert(new))]).drop_columns([AT])


def rule_groups(report: AuditReport, keep: int | None) -> Iterator[RuleFindings]:
    """Each rule with findings, in report order (rules by principle, then any other rule
    that has findings), from one pass over the findings, a batch at a time: counts of all,
    and at most ``keep`` examples of each status and baseline state (None: all of them)."""
    cap = None if keep is None else max(keep, 1)  # one at least: the rule's severity
    counts: dict[Bucket, int] = {}
    kept: dict[Bucket, list[pa.Table]] = {}
    present: dict[str, None] = {}  # the rules found, in order of first appearance
    start = 0
    for batch in report.findings.batches():
        present.update(dict.fromkeys(pc.unique(batch["rule"]).to_pylist()))
        rows = pa.Table.from_batches([batch])
        rows = rows.append_column(AT, pa.array(range(start, start + len(rows)), pa.int64()))
        start += len(rows)
        grouped = rows.group_by(["rule", "status", "baseline_state"], use_threads=False)
        for g in grouped.aggregate([([], "count_all")]).to_pylist():
            bucket = (g["rule"], g["status"], g["baseline_state"])
            had = counts.get(bucket, 0)
            counts[bucket] = had + g["count_all"]
            if cap is None or had < cap:
                mine = rows.filter(_in_bucket(rows, bucket))
                kept.setdefault(bucket, []).append(mine if cap is None else mine[: cap - had])
    order = [r.rule for _, rules in rules_by_principle(report) for r in rules]
    for rule_id in dict.fromkeys(order + list(present)):
        if rule_id not in present:
            continue
        by_status: dict[str, int] = {}
        for (rule, status, _), n in counts.items():
            if rule == rule_id:
                by_status[status] = by_status.get(status, 0) + n
        mine = pa.concat_tables([t for b, ts in kept.items() if b[0] == rule_id for t in ts])
        yield RuleFindings(rule_id, by_status, mine.sort_by(AT))


def _in_bucket(rows: pa.Table, bucket: Bucket) -> pa.Array:
    rule, status, state = bucket
    test = pc.and_(pc.equal(rows["rule"], rule), pc.equal(rows["status"], status))
    same = (
        pc.is_null(rows["baseline_state"])
        if state is None
        else pc.equal(rows["baseline_state"], state)
    )
    return pc.fill_null(pc.and_(test, same), False)
