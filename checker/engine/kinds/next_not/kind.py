"""next_not: the next checked event after a trigger must not be a forbidden one."""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    """The last preceding `after` or `checked` event: positive when it is an `after` (and
    not a `checked`) one, which makes this the first checked event since (see
    `last_of_either`)."""
    after, checked = ctx.match(rule.params["after"], e), ctx.match(rule.params["checked"], e)
    return {"last": last_of_either(e.ts, after, checked, customer_window(e, rows=PRECEDING))}


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    last = ctx.col(b, rule, "last")
    checked = ctx.match(rule.params["checked"], b) & (last > 0)  # NULL (none): false
    forbidden = status_of(ctx.match(rule.params["forbidden"], b))
    return [event_part(rule.id, b, checked, forbidden, ref_ts=stamp_ts(last))]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule",
        lang,
        **{x: label(p[x], pb, lang) for x in ("after", "checked", "forbidden")},
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    say = WORDS.say_in(
        lang,
        after=label(rule.params["after"], pb, lang),
        forbidden=label(rule.params["forbidden"], pb, lang),
        ref=fmt_ts(rows["ref_ts"]),
        later=gap(rows["ts"], rows["ref_ts"], lang),
    )
    return say("evidence.forbidden")


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    objection = example_event(pb, p["after"], BASE_TS, 1)
    push = example_event(pb, p["forbidden"], BASE_TS + seconds("1h"), 2)
    answer = example_event(pb, {"events": ["concession"]}, BASE_TS + seconds("1h"), 2)
    push_later = example_event(pb, p["forbidden"], BASE_TS + seconds("3d"), 3)
    return [objection, push], [objection, answer, push_later]


KIND = register(
    Kind(
        name="next_not",
        summary={"zh": "某事件之后的下一次联系不能是某类", "en": "next event is not"},
        names="the forbidden event",
        belongs_to="the agent who did it",
        semantics=(
            "For each event E matching `checked`: A = the last `after` event preceding E, K = "
            "the last `checked` event preceding E. E is an opportunity iff A exists and (no K, or "
            "K precedes A); a violation if E matches `forbidden`."
        ),
        params_schema=params_schema(
            ["after", "checked", "forbidden"],
            after=EVENT_FILTER,
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
