"""first_after_silence: after a long silence, the first outreach must not be forbidden."""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    return {"prev": e.ts.lag().over(customer_window(e))}


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    prev = ctx.col(b, rule, "prev")
    after_silence = prev.notnull() & (prev + interval(rule.params["silence"]) <= b.ts)
    checked = after_silence & ctx.match(rule.params["checked"], b)
    forbidden = ctx.match(rule.params["forbidden"], b)
    return [event_part(rule.id, b, checked, status_of(forbidden), ref_ts=prev)]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule",
        lang,
        silence=dur(p["silence"], lang),
        checked=label(p["checked"], pb, lang),
        forbidden=label(p["forbidden"], pb, lang),
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    say = WORDS.say_in(
        lang,
        forbidden=label(rule.params["forbidden"], pb, lang),
        last=fmt_ts(rows["ref_ts"]),
        ts=fmt_ts(rows["ts"]),
        silence=gap(rows["ts"], rows["ref_ts"], lang),
    )
    return say("evidence.forbidden")


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    later = BASE_TS + seconds(p["silence"]) + seconds("5d")
    buy = example_event(pb, {"events": ["purchase"], "channels": ["im"]}, BASE_TS, 1)
    pitch = example_event(pb, p["forbidden"], later, 2)
    care = example_event(pb, {"events": ["care"]}, later, 2)
    pitch_after = example_event(pb, p["forbidden"], later + seconds("7d"), 3)
    return [buy, pitch], [buy, care, pitch_after]


KIND = register(
    Kind(
        name="first_after_silence",
        summary={"zh": "长时间沉默后的第一次联系", "en": "first contact after a silence"},
        names="the first contact after the silence",
        belongs_to="the agent who made it",
        semantics=(
            "For each event E whose preceding event P (same customer) is at least `silence` "
            "earlier: E is an opportunity if it matches `checked`; a violation if it matches "
            "`forbidden`."
        ),
        params_schema=params_schema(
            ["silence", "checked", "forbidden"],
            silence=DURATION,
            checked=EVENT_FILTER,
            forbidden=EVENT_FILTER,
        ),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
