"""follow_up: every trigger event is answered by an expected event within a window.

With ``min_gap``, only an expected event at least that long after the trigger answers it (a
separate contact after the visit, not a thank-you at the till): a frame over the customer's
rows by time that starts ``min_gap`` after the trigger.
"""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    expect = ctx.match(rule.params["expect"], e)
    if not _min_gap(rule):
        return {"next": first_where(e.ts, expect, customer_window(e, rows=FOLLOWING))}
    later = ibis.range_window(
        group_by=e.customer_key, order_by=e.ts, following=(interval(rule.params["min_gap"]), None)
    )
    return {"next": first_where(e.ts, expect, later)}


def _min_gap(rule: Rule) -> bool:
    """A positive ``min_gap`` (zero is the plain rule: the next expected row)."""
    return bool(rule.params.get("min_gap")) and seconds(rule.params["min_gap"]).total_seconds() > 0


def _pass_key(rule: Rule) -> object:
    """A gap's frame is a range over time: such rules share a pass with the time ranges."""
    return ("customer", "time range") if _min_gap(rule) else BY_CUSTOMER


def scope(rule: Rule, ctx: RuleContext, e: ir.Table) -> ir.BooleanValue:
    """A follow-up reads only its triggers and the expected events (a small share of a log):
    all follow-ups share a pass over those rows instead of a window each over every event."""
    return ctx.match(rule.params["trigger"], e) | ctx.match(rule.params["expect"], e)


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    nxt = ctx.col(b, rule, "next")
    deadline = b.ts + interval(rule.params["within"])
    met = nxt.notnull() & (nxt <= deadline)
    pending = nxt.isnull() & (deadline > ctx.as_of_lit())
    trigger = ctx.match(rule.params["trigger"], b)
    return [
        event_part(rule.id, b, trigger, status_of(~met, pending), ref_ts=nxt, deadline=deadline)
    ]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule_with_gap" if _min_gap(rule) else "describe.rule",
        lang,
        trigger=label(p["trigger"], pb, lang),
        expect=label(p["expect"], pb, lang),
        within=dur(p["within"], lang),
        min_gap=dur(p["min_gap"], lang) if _min_gap(rule) else "",
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    p = rule.params
    say = WORDS.say_in(
        lang,
        what=label(p["trigger"], pb, lang),
        then=label(p["expect"], pb, lang),
        limit=dur(p["within"], lang),
        min_gap=dur(p["min_gap"], lang) if _min_gap(rule) else "",
        ts=fmt_ts(rows["ts"]),
        deadline=fmt_ts(rows["deadline"]),
        first=fmt_ts(rows["ref_ts"]),
        delay=gap(rows["ref_ts"], rows["ts"], lang),
    )
    return by_ref(
        rows,
        pending=say("evidence.pending"),
        missing=say("evidence.missing"),
        found=say("evidence.found_after_gap" if _min_gap(rule) else "evidence.found"),
    )


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    window = seconds(p["within"])
    trigger = example_event(pb, p["trigger"], BASE_TS, 1)
    late = example_event(pb, p["expect"], BASE_TS + window + window / 4, 2)
    on_time = example_event(pb, p["expect"], BASE_TS + window / 2, 2)
    if _min_gap(rule):  # an expected event at once does not count
        at_once = example_event(pb, p["expect"], BASE_TS + seconds("1min"), 2)
        reply = example_event(pb, {"events": ["reply"]}, BASE_TS + window + seconds("1h"), 3)
        return [trigger, at_once, reply], [trigger, on_time]
    return [trigger, late], [trigger, on_time]


KIND = register(
    Kind(
        name="follow_up",
        summary={"zh": "某类事件之后，必须在时限内跟进", "en": "follow-up within a window"},
        names="the trigger (the purchase, the complaint)",
        belongs_to=(
            "the agent of the event that created the obligation (who sold, who took the complaint)"
        ),
        semantics=(
            "For each trigger event T: R = the first `expect` event following T. deadline = "
            "T.ts + within. ok if R.ts <= deadline; pending if there is no R yet and deadline > "
            "as_of; violation otherwise. The finding names T. With min_gap > 0, R = the first "
            "`expect` event with ts >= T.ts + min_gap (earlier ones do not answer T)."
        ),
        params_schema=params_schema(
            ["trigger", "expect", "within"],
            trigger=EVENT_FILTER,
            expect=EVENT_FILTER,
            within=DURATION,
            min_gap=DURATION,
        ),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
        scope=scope,
        pass_key=_pass_key,
    )
)
