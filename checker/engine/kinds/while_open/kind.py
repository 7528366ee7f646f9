"""while_open: no checked event while a case (e.g. a complaint) is open."""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    """The last preceding opening or closing event: positive when it opened (and did not
    close) a case, which is then still open (see `last_of_either`)."""
    opened, closed = ctx.match(rule.params["opened_by"], e), ctx.match(rule.params["closed_by"], e)
    return {"last": last_of_either(e.ts, opened, closed, customer_window(e, rows=PRECEDING))}


def scope(rule: Rule, ctx: RuleContext, e: ir.Table) -> ir.BooleanValue:
    """It reads only its checked, opening and closing events: a pass over those rows."""
    p = rule.params
    return ctx.match(p["checked"], e) | ctx.match(p["opened_by"], e) | ctx.match(p["closed_by"], e)


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    last = ctx.col(b, rule, "last")
    checked = ctx.match(rule.params["checked"], b)
    still_open = (last > 0).fill_null(False)  # NULL: no case was ever opened
    opened = ibis.ifelse(still_open, stamp_ts(last), ibis.null("timestamp"))
    return [event_part(rule.id, b, checked, status_of(still_open), ref_ts=opened)]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule",
        lang,
        **{x: label(p[x], pb, lang) for x in ("opened_by", "closed_by", "checked")},
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    p = rule.params
    say = WORDS.say_in(
        lang,
        **{x: label(p[x], pb, lang) for x in ("opened_by", "closed_by", "checked")},
        opened=fmt_ts(rows["ref_ts"]),
        ts=fmt_ts(rows["ts"]),
    )
    return say("evidence.while_open")


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
        names="the checked event made while the case was open",
        belongs_to="the agent who did it",
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
        scope=scope,
        pass_key=lambda rule: BY_CUSTOMER,
    )
)
