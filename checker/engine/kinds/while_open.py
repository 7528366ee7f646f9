"""while_open: no checked event while a case (e.g. a complaint) is open."""

from __future__ import annotations

from typing import Any

import ibis.expr.types as ir

from checker.engine.context import PRECEDING, RuleContext, customer_window
from checker.engine.kinds._common import (
    BASE_TS,
    EVENT_FILTER,
    example_event,
    fmt_ts,
    label,
    params_schema,
    seconds,
    t,
)
from checker.engine.outcomes import outcome, status_of
from checker.engine.registry import Example, Kind, register
from checker.playbook.model import Playbook, Rule


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    w = customer_window(e, rows=PRECEDING)
    opened, closed = ctx.match(rule.params["opened_by"], e), ctx.match(rule.params["closed_by"], e)
    return {
        "open_ord": e.ord.max(where=opened).over(w),
        "open_ts": e.ts.max(where=opened).over(w),
        "close_ord": e.ord.max(where=closed).over(w),
    }


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> ir.Table:
    open_ord, close_ord = ctx.col(b, rule, "open_ord"), ctx.col(b, rule, "close_ord")
    violated = open_ord.notnull() & (close_ord.isnull() | (close_ord < open_ord))
    rows = b.filter(ctx.match(rule.params["checked"], b))
    return rows.select(
        **outcome(
            rule.id,
            status_of(violated.fill_null(False)),
            customer_id=rows.customer_id,
            event_id=rows.event_id,
            ts=rows.ts,
            file_no=rows.file_no,
            line=rows.line,
            ref_ts=ctx.col(rows, rule, "open_ts"),
        )
    )


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    o, c, k = (label(p[x], pb, lang) for x in ("opened_by", "closed_by", "checked"))
    return t(lang, f"从{o}到{c}之间，不得有{k}。", f"No {k} between a {o} and its {c}.")


def evidence(row: dict[str, Any], rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    o, c, k = (label(p[x], pb, lang) for x in ("opened_by", "closed_by", "checked"))
    return t(
        lang,
        f"{o} {fmt_ts(row['ref_ts'])} 尚无{c}，{k} {fmt_ts(row['ts'])}",
        f"{o} {fmt_ts(row['ref_ts'])} still without {c}, {k} {fmt_ts(row['ts'])}",
    )


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    opened = example_event(pb, p["opened_by"], BASE_TS, 1)
    checked = example_event(pb, p["checked"], BASE_TS + seconds("1d"), 3)
    closed = example_event(pb, p["closed_by"], BASE_TS + seconds("12h"), 2)
    return [opened, checked], [opened, closed, checked]


KIND = register(
    Kind(
        name="while_open",
        summary={"zh": "事项未了结期间不得出现某类事件", "en": "none while a case is open"},
        semantics=(
            "For each checked event E: O = the last `opened_by` event preceding E, C = the last "
            "`closed_by` event preceding E. violation if O exists and (no C, or C precedes O)."
        ),
        params_schema=params_schema(
            ["checked", "opened_by", "closed_by"],
            checked=EVENT_FILTER,
            opened_by=EVENT_FILTER,
            closed_by=EVENT_FILTER,
        ),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
