"""An audit against a baseline: each finding new or known, the baseline's others fixed.

Fingerprints are compared column-wise (Arrow's ``is_in``): millions of findings cost no
Python loop over them.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from checker.baseline.store import Baseline, Entry
from checker.report.model import FINDING_SCHEMA, AuditReport


@dataclass(frozen=True)
class RuleDelta:
    new: int = 0
    known: int = 0
    fixed: int = 0


@dataclass(frozen=True)
class BaselineResult:
    """What the report shows about the baseline (see `compare`)."""

    file: str
    per_rule: dict[str, RuleDelta]  # every rule of the audit, and every rule with a fixed entry
    fixed: list[Entry]  # no longer found (for rules the playbook still has)
    unknown_rules: list[Entry] = field(default_factory=list)  # rules the playbook lacks

    @property
    def new(self) -> int:
        return sum(d.new for d in self.per_rule.values())

    @property
    def known(self) -> int:
        return sum(d.known for d in self.per_rule.values())


def compare(report: AuditReport, baseline: Baseline, file: str) -> AuditReport:
    """``report`` with each finding's ``baseline_state`` set and a ``baseline`` section (the
    findings read once here, a batch at a time, and marked again as they are read later)."""
    known_fps = pa.array([e.fingerprint for e in baseline.entries], pa.string())
    at = FINDING_SCHEMA.get_field_index("baseline_state")

    def marked(batch: pa.RecordBatch) -> pa.RecordBatch:
        known = pc.is_in(batch["fingerprint"], value_set=known_fps)
        return batch.set_column(at, "baseline_state", pc.if_else(known, "known", "new"))

    again: list[pa.Array] = []  # the baseline's fingerprints found again
    counts: Counter[tuple[str, str]] = Counter()
    for batch in report.findings.batches():
        known = pc.is_in(batch["fingerprint"], value_set=known_fps)
        again.append(batch["fingerprint"].filter(known))
        states = pc.if_else(known, "known", "new")
        grouped = pa.table({"rule": batch["rule"], "state": states}).group_by(["rule", "state"])
        for r in grouped.aggregate([("rule", "count")]).to_pylist():
            counts[(r["rule"], r["state"])] += r["rule_count"]
    rules = {r.rule for r in report.rules}
    found = pa.chunked_array(again, pa.string()).combine_chunks()
    still = pc.is_in(known_fps, value_set=found).to_pylist()
    gone = [e for e, seen in zip(baseline.entries, still, strict=True) if not seen]
    fixed = [e for e in gone if e.rule in rules]
    unknown = [e for e in gone if e.rule not in rules]
    fixed_by_rule = Counter(e.rule for e in fixed)
    per_rule = {
        rule: RuleDelta(
            counts.get((rule, "new"), 0), counts.get((rule, "known"), 0), fixed_by_rule[rule]
        )
        for rule in [r.rule for r in report.rules]
    }
    result = BaselineResult(file, per_rule, fixed, unknown)
    return dataclasses.replace(report, findings=report.findings.mapped(marked), baseline=result)


def updated(report: AuditReport, old: Baseline | None) -> Baseline:
    """The baseline after this audit: its findings, each first seen when the old baseline
    says (else now); entries no longer found are pruned."""
    first = {e.fingerprint: e.first_seen for e in (old.entries if old else [])}
    entries = [
        Entry(rule, fp, status, first.get(fp, report.as_of))
        for t in report.findings.batches()
        for rule, fp, status in zip(
            t["rule"].to_pylist(),
            t["fingerprint"].to_pylist(),
            t["status"].to_pylist(),
            strict=True,
        )
    ]
    return Baseline(sorted(entries), playbook=report.playbook)
