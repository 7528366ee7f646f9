"""The one shape every rule kind returns: one row per opportunity the rule had.

A kind returns either a table of those rows, or (most kinds) its outcomes as ``Part``s: the
rows of the table it reads that satisfy a condition, each giving one outcome. Parts can be
counted and collected by one aggregate over that table with every other rule's (see
`checker.engine.tally`), without writing the table or the outcome rows anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Union

from checker.lazy import lazy

if TYPE_CHECKING:
    import ibis.expr.types as ir

ibis = lazy("ibis")  # imported by the first expression built (the registry's words need none)

# Every outcome's columns and their types, as `OUTCOME_SCHEMA` (an Ibis schema) gives them.
# status: "ok" (complied), "violation", or "pending" (deadline after the audit's end).
OUTCOME_TYPES: dict[str, str] = {
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
    # Attribution: the agent and channel of the event that names the outcome (the one
    # that created the obligation, or the action itself); NULL: unassigned.
    "agent_id": "string",
    "channel": "string",
}
# What an outcome carries for its evidence alone (a report shows the sentence, not these).
DETAILS = ("ref_ts", "ref_id", "deadline", "detail", "count")


def outcome(
    rule_id: str,
    status: ir.IntegerValue,
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
    agent_id: ir.Value | None = None,
    channel: ir.Value | None = None,
) -> dict[str, ir.Value]:
    """Column expressions in OUTCOME_SCHEMA order, typed; missing ones are typed NULLs."""
    given = {
        "rule": ibis.literal(rule_id),
        "status": status_name(status),
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
        "agent_id": agent_id,
        "channel": channel,
    }
    return {
        name: (ibis.null(dtype) if given[name] is None else given[name].cast(dtype))
        for name, dtype in _outcome_schema().items()
    }


STATUSES = ("ok", "violation", "pending")  # an outcome's status code is its index here


def status_of(violated: ir.BooleanValue, pending: ir.BooleanValue | None = None) -> ir.IntegerValue:
    """The status code: ``pending`` wins over ``violated`` (the deadline has not come yet);
    else ok. A small integer, cheap to count; `status_name` turns it into the word."""
    cases = []
    if pending is not None:
        cases.append((pending, STATUSES.index("pending")))
    cases.append((violated, STATUSES.index("violation")))
    return ibis.cases(*cases, else_=0).cast("int8")


def status_name(code: ir.IntegerValue) -> ir.StringValue:
    return ibis.cases(*[(code == i, name) for i, name in enumerate(STATUSES)])


@dataclass(frozen=True)
class Part:
    """Outcomes read row by row off a table: one for each row where ``where`` holds. The
    outcome is about the row's customer; when ``named``, it is named by the row itself (its
    event id, file and line) and attributed to the row's agent and channel, else those stay
    empty (unassigned). ``values``: its other OUTCOME_SCHEMA
    fields (``ts`` defaults to the row's), expressions over the same table."""

    rule: str
    where: ir.BooleanValue
    status: ir.IntegerValue  # see status_of
    named: bool
    values: dict[str, ir.Value]

    def columns(self, b: ir.Table) -> dict[str, ir.Value]:
        """Every OUTCOME_SCHEMA column of these outcomes, over ``b``."""
        row = {
            "event_id": b.event_id,
            "file_no": b.file_no,
            "line": b.line,
            "agent_id": b.agent_id,
            "channel": b.channel,
        }
        return outcome(
            self.rule,
            self.status,
            customer_id=b.customer_id,
            **(row if self.named else {}),
            **{"ts": b.ts, **self.values},
        )


Outcomes = Union["ir.Table", list[Part]]  # a runtime alias


def event_part(
    rule_id: str, b: ir.Table, where: ir.BooleanValue, status: ir.IntegerValue, **values: ir.Value
) -> Part:
    """A part whose outcomes are named by the event rows themselves (their id, time, place).
    ``where`` may be NULL for a row: both readers (a filter, a CASE) take that as false."""
    return Part(rule_id, where, status, True, values)


def as_table(b: ir.Table, outcomes: Outcomes) -> ir.Table:
    """Every outcome as a row (OUTCOME_SCHEMA), whichever form the kind returned."""
    if not isinstance(outcomes, list):
        return outcomes
    return union([b.filter(part.where).select(**part.columns(b)) for part in outcomes])


def union(tables: list[ir.Table]) -> ir.Table:
    return tables[0].union(*tables[1:]) if len(tables) > 1 else tables[0]


@cache
def _outcome_schema() -> Any:
    return ibis.schema(OUTCOME_TYPES)


def __getattr__(name: str) -> Any:
    """``OUTCOME_SCHEMA``: the Ibis schema of `OUTCOME_TYPES`, built when first read (so that
    importing the rule kinds does not import Ibis)."""
    if name == "OUTCOME_SCHEMA":
        return _outcome_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
