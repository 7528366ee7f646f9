"""deadline_by_ref: an event with a due time is fulfilled (by reference) in time."""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> ir.Table:
    due_rows = b.filter(ctx.match(rule.params["checked"], b) & b.due.notnull())
    done = b.filter(ctx.match(rule.params["fulfilled_by"], b) & b.ref.notnull())
    done = done.group_by(_ref=done.ref).aggregate(_done=done.ts.min())
    j = due_rows.left_join(done, due_rows.event_id == done._ref)
    met = j._done.notnull() & (j._done <= j.due)
    pending = j._done.isnull() & (j.due > ctx.as_of_lit())
    return j.select(
        **outcome(
            rule.id,
            status_of(~met, pending),
            customer_id=j.customer_id,
            event_id=j.event_id,
            ts=j.ts,
            file_no=j.file_no,
            line=j.line,
            ref_ts=j._done,
            deadline=j.due,
            agent_id=j.agent_id,
            channel=j.channel,
        )
    )


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule",
        lang,
        checked=label(p["checked"], pb, lang),
        fulfilled_by=label(p["fulfilled_by"], pb, lang),
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    p = rule.params
    say = WORDS.say_in(
        lang,
        checked=label(p["checked"], pb, lang),
        fulfilled_by=label(p["fulfilled_by"], pb, lang),
        ts=fmt_ts(rows["ts"]),
        deadline=fmt_ts(rows["deadline"]),
        kept=fmt_ts(rows["ref_ts"]),
        late=gap(rows["ref_ts"], rows["deadline"], lang),
    )
    return by_ref(
        rows,
        pending=say("evidence.pending"),
        missing=say("evidence.missing"),
        found=say("evidence.late"),
    )


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    due = (BASE_TS + seconds("24h")).strftime("%Y-%m-%d %H:%M:%S")
    promise = example_event(pb, p["checked"], BASE_TS, 1, due=due, text="24 小时内补发赠品")
    late = example_event(pb, p["fulfilled_by"], BASE_TS + seconds("2d"), 2, ref="E001")
    early = example_event(pb, p["fulfilled_by"], BASE_TS + seconds("1h"), 2, ref="E001")
    return [promise, late], [promise, early]


KIND = register(
    Kind(
        name="deadline_by_ref",
        summary={"zh": "按引用在期限前兑现", "en": "deadline by reference"},
        names="the promise",
        belongs_to="the agent who made the promise",
        semantics=(
            "For each checked event E with a due time: F = the earliest `fulfilled_by` event "
            "whose ref is E's event_id. ok if F.ts <= due; pending if there is no F and due > "
            "as_of; violation otherwise. Checked events without due are not opportunities."
        ),
        params_schema=params_schema(
            ["checked", "fulfilled_by"],
            checked=EVENT_FILTER,
            fulfilled_by=EVENT_FILTER,
        ),
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
