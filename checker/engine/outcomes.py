"""The one shape every rule kind returns: one row per opportunity the rule had."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

# status: "ok" (complied), "violation", or "pending" (deadline after the audit's end).
OUTCOME_SCHEMA = ibis.schema(
    {
        "rule": "string",
        "status": "string",
        "customer_id": "string",
        "event_id": "string",
        "ts": "timestamp",
        "file_no": "int64",  # index into the audit's list of input files
        "line": "int64",
        "ref_ts": "timestamp",  # the related event (first response, blocker, earlier contact)
        "ref_id": "string",
        "deadline": "timestamp",  # when the obligation fell (or falls) due
        "detail": "string",  # e.g. the phrase matched, the holiday's key
        "count": "int64",  # e.g. events in the rolling window
    }
)


def outcome(
    rule_id: str,
    status: ir.StringValue,
    *,
    customer_id: ir.Value,
    event_id: ir.Value | None = None,
    ts: ir.Value | None = None,
    file_no: ir.Value | None = None,
    line: ir.Value | None = None,
    ref_ts: ir.Value | None = None,
    ref_id: ir.Value | None = None,
    deadline: ir.Value | None = None,
    detail: ir.Value | None = None,
    count: ir.Value | None = None,
) -> dict[str, ir.Value]:
    """Column expressions in OUTCOME_SCHEMA order, typed; missing ones are typed NULLs."""
    given = {
        "rule": ibis.literal(rule_id),
        "status": status,
        "customer_id": customer_id,
        "event_id": event_id,
        "ts": ts,
        "file_no": file_no,
        "line": line,
        "ref_ts": ref_ts,
        "ref_id": ref_id,
        "deadline": deadline,
        "detail": detail,
        "count": count,
    }
    return {
        name: (ibis.null(dtype) if given[name] is None else given[name].cast(dtype))
        for name, dtype in OUTCOME_SCHEMA.items()
    }


def status_of(violated: ir.BooleanValue, pending: ir.BooleanValue | None = None) -> ir.StringValue:
    """``pending`` wins over ``violated`` (the deadline has not come yet); else ok."""
    cases = []
    if pending is not None:
        cases.append((pending, "pending"))
    cases.append((violated, "violation"))
    return ibis.cases(*cases, else_="ok")
