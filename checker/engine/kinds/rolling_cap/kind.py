"""rolling_cap: at most ``max`` checked events per customer in any window of ``per``."""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    checked = ctx.match(rule.params["checked"], e)
    per = interval(rule.params["per"])
    span = ibis.range_window(group_by=e.customer_key, order_by=e.ts, preceding=per, following=0)
    # The count in the window [ts - per, ts], up to this event in input order among events at
    # the same instant: those at or before it in the pass's own order (time, then input
    # order), less those more than ``per`` before it. Both are frames over the customer's rows
    # by time: no second sort, of each instant's rows by input order, to take the later ties
    # out of a count that takes them all in.
    upto = customer_window(e, rows=(None, 0))
    gone = ibis.range_window(
        group_by=e.customer_key, order_by=e.ts, preceding=(None, just_over(rule.params["per"]))
    )
    counted = e.seq.count(where=checked)
    return {
        "n": counted.over(upto) - counted.over(gone),
        "first": e.ts.min(where=checked).over(span),
    }


def just_over(duration: str) -> ir.IntervalScalar:
    """A microsecond more than ``duration`` (in whole seconds, as `interval` gives it): the
    end of a frame of what lies strictly more than ``duration`` before (times are kept to
    the microsecond on every backend)."""
    return ibis.interval(microseconds=whole_seconds(duration) * 10**6 + 1)


def scope(rule: Rule, ctx: RuleContext, e: ir.Table) -> ir.BooleanValue:
    return ctx.match(rule.params["checked"], e)


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    n = ctx.col(b, rule, "n")
    over = status_of(n > int(rule.params["max"]))
    checked = ctx.match(rule.params["checked"], b)
    return [event_part(rule.id, b, checked, over, ref_ts=ctx.col(b, rule, "first"), count=n)]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule",
        lang,
        checked=label(p["checked"], pb, lang),
        max=p["max"],
        per=dur(p["per"], lang),
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    p = rule.params
    say = WORDS.say_in(
        lang,
        checked=label(p["checked"], pb, lang),
        first=fmt_ts(rows["ref_ts"]),
        ts=fmt_ts(rows["ts"]),
        count=rows["count"],
        max=str(p["max"]),
        per=dur(p["per"], lang),
    )
    return say("evidence.over")


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    cap, per = int(p["max"]), seconds(p["per"])
    step = per / (cap + 1)
    crowded = [example_event(pb, p["checked"], BASE_TS + step * i, i + 1) for i in range(cap + 1)]
    spaced_step = per / max(cap - 1, 1) + seconds("1d") if cap > 1 else per + seconds("1d")
    spaced = [
        example_event(pb, p["checked"], BASE_TS + spaced_step * i, i + 1) for i in range(cap + 1)
    ]
    return crowded, spaced


KIND = register(
    Kind(
        name="rolling_cap",
        summary={"zh": "任意滚动时间窗内的次数上限", "en": "rolling cap"},
        names="the contact over the cap",
        belongs_to="the agent who made it",
        semantics=(
            "For each checked event E: n = the number of checked events of the customer with "
            "ts in [E.ts - per, E.ts] that are E or precede E. violation if n > max."
        ),
        params_schema=params_schema(
            ["checked", "max", "per"],
            checked=EVENT_FILTER,
            max={"type": "integer", "minimum": 0},
            per=DURATION,
        ),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
        scope=scope,
        pass_key=lambda rule: ("customer", "time range"),  # every cap's windows alike
    )
)
