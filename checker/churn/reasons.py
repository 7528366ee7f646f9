"""Which reasons preceded each lapse: the audit's findings and the customers' events, joined
on the customer with Arrow (the lapsed customers are few; the findings are read once).

A reason holds for a lapsed customer when one of its rules (named, or of a named kind) has a
violation of theirs whose time is at or before the lapse, or when the query found one of its
events after their last purchase and up to the lapse (`checker.churn.query`). A customer
whom no reason matched has the reason `spec.NONE`."""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc

from checker.churn.spec import NONE, ChurnSpec, event_column
from checker.playbook.model import Playbook

TS = pa.timestamp("us")
# The audit's findings (engine rows): a table, or its batches in order.
Findings = pa.Table | Iterable[pa.RecordBatch]


def reason_column(reason_id: str) -> str:
    return "reason:" + reason_id


def _violations_before_lapse(lapsed: pa.Table, findings: Findings, rules: list[str]) -> pa.Table:
    """customer_id, rule of every violation of ``rules`` by a lapsed customer, up to the lapse
    (the findings read a batch at a time: only the lapsed customers' are kept)."""
    people = lapsed.select(["customer_id", "lapsed_at"])
    people = people.set_column(1, "lapsed_at", people["lapsed_at"].cast(TS))
    who = people["customer_id"]
    kept = []
    batches = findings.to_batches() if isinstance(findings, pa.Table) else findings
    for batch in batches:
        wanted = pc.and_(
            pc.and_(
                pc.equal(batch["status"], "violation"),
                pc.is_in(batch["rule"], value_set=pa.array(rules, pa.string())),
            ),
            pc.is_in(batch["customer_id"], value_set=who),
        )
        found = batch.filter(pc.fill_null(wanted, False)).select(["customer_id", "rule", "ts"])
        kept.append(pa.Table.from_batches([found.set_column(2, "ts", found["ts"].cast(TS))]))
    found = (
        pa.concat_tables(kept)
        if kept
        else pa.table(
            {
                "customer_id": pa.array([], pa.string()),
                "rule": pa.array([], pa.string()),
                "ts": pa.array([], TS),
            }
        )
    )
    joined = found.join(people, "customer_id", join_type="inner")
    return joined.filter(pc.fill_null(pc.less_equal(joined["ts"], joined["lapsed_at"]), False))


def with_reasons(lapsed: pa.Table, findings: Findings, spec: ChurnSpec, pb: Playbook) -> pa.Table:
    """``lapsed`` (`checker.churn.query.lapsed_query`'s rows) with a boolean `reason_column`
    per reason, and one for `NONE`, in place of the event columns."""
    rules = {r.id: r.rule_ids(pb) for r in spec.reasons}
    every = sorted({rule for ids in rules.values() for rule in ids})
    hits = _violations_before_lapse(lapsed, findings, every)
    out = lapsed.drop_columns([event_column(i) for i in range(len(spec.reasons))])
    who = lapsed["customer_id"]
    anything = pa.array([False] * len(lapsed), pa.bool_())
    for i, reason in enumerate(spec.reasons):
        mine = hits.filter(
            pc.is_in(hits["rule"], value_set=pa.array(rules[reason.id], pa.string()))
        )
        flag = pc.or_(pc.is_in(who, value_set=mine["customer_id"]), lapsed[event_column(i)])
        flag = pc.fill_null(flag, False)
        anything = pc.or_(anything, flag)
        out = out.append_column(reason_column(reason.id), flag)
    return out.append_column(reason_column(NONE), pc.invert(anything))
