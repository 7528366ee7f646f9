"""none_after: a checked event must not come (soon) after a blocking event.

With ``required: true`` the test turns round: a checked event must come (soon) after such an
event (seed 004's call centre: a message first, then the call).
"""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    after = ctx.match(rule.params["after"], e)
    window = customer_window(e, rows=PRECEDING, extra_keys=list(rule.params.get("same", [])))
    return {"last": last_where(e.ts, after, window)}


def scope(rule: Rule, ctx: RuleContext, e: ir.Table) -> ir.BooleanValue:
    """It reads only its checked and ``after`` events: a pass over those rows (with ``same``
    keys partitioned by them too)."""
    return ctx.match(rule.params["checked"], e) | ctx.match(rule.params["after"], e)


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    last = ctx.col(b, rule, "last")
    for key in rule.params.get("same", []):  # a null key matches nothing
        last = ibis.ifelse(b[key].isnull(), ibis.null("timestamp"), last)
    violated = last.notnull()
    if rule.params.get("within"):
        violated &= b.ts <= last + interval(rule.params["within"])
    if rule.params.get("required"):
        violated = ~violated
    checked = ctx.match(rule.params["checked"], b)
    return [event_part(rule.id, b, checked, status_of(violated.fill_null(False)), ref_ts=last)]


def _case(rule: Rule) -> str:
    """Which sentence: ``never``, ``within``, ``required`` or ``required_within``."""
    p = rule.params
    if p.get("required"):
        return "required_within" if p.get("within") else "required"
    return "within" if p.get("within") else "never"


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        f"describe.{_case(rule)}",
        lang,
        checked=label(p["checked"], pb, lang),
        after=label(p["after"], pb, lang),
        within=dur(p["within"], lang) if p.get("within") else "",
        same=WORDS.text("same_product", lang) if p.get("same") else "",
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    p = rule.params
    say = WORDS.say_in(
        lang,
        checked=label(p["checked"], pb, lang),
        after=label(p["after"], pb, lang),
        ref=fmt_ts(rows["ref_ts"]),
        ts=fmt_ts(rows["ts"]),
        since=choose(
            absent(rows["ref_ts"]),
            WORDS.text("evidence.no_gap", lang),
            gap(rows["ts"], rows["ref_ts"], lang),
        ),
        within=dur(p["within"], lang) if p.get("within") else "",
    )
    return say(f"evidence.{_case(rule)}")


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    extra = {"product": "保温杯"} if p.get("same") else {}
    blocker = example_event(pb, p["after"], BASE_TS, 1, **extra)
    if p.get("required"):
        alone = example_event(pb, p["checked"], BASE_TS, 1, **extra)
        soon = example_event(pb, p["checked"], BASE_TS + seconds("1h"), 2, **extra)
        return [alone], [blocker, soon]
    window = seconds(p["within"]) if p.get("within") else None
    soon = example_event(
        pb, p["checked"], BASE_TS + (window / 2 if window else seconds("1d")), 2, **extra
    )
    if window:
        later = example_event(pb, p["checked"], BASE_TS + window * 2, 2, **extra)
        return [blocker, soon], [blocker, later]
    before = example_event(pb, p["checked"], BASE_TS - seconds("1d"), 0, **extra)
    return [blocker, soon], [before, blocker]


def _schema() -> dict[str, object]:
    schema = params_schema(
        ["checked", "after"],
        checked=EVENT_FILTER,
        after=EVENT_FILTER,
        within=DURATION,
        same={"type": "array", "items": {"enum": ["product", "order_id", "channel"]}},
    )
    # (`required` is params_schema's own first argument, so it is added here)
    schema["properties"]["required"] = {"type": "boolean"}
    return schema


KIND = register(
    Kind(
        name="none_after",
        summary={
            "zh": "某类事件之后的一段时间内不得出现另一类事件",
            "en": "none within a window after",
        },
        names="the checked event (the pitch after an objection)",
        belongs_to="the agent who did it",
        semantics=(
            "For each checked event E: B = the last `after` event preceding E among the "
            "customer's events with equal values in the `same` columns (a null value matches "
            "nothing). violation if B exists and (no `within`, or E.ts - B.ts <= within). With "
            "required: true, the opposite: violation unless that holds (a B must precede E)."
        ),
        params_schema=_schema(),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
        scope=scope,
        pass_key=lambda rule: (*BY_CUSTOMER, *rule.params.get("same", [])),
    )
)
