"""required_field: checked events carry a value in a field (and, optionally, a known one).

With ``min_lead`` (for the ``due`` field), the time must also lie at least that long after
the event: an invitation's ``due`` is the activity's start, announced a week ahead (seed 003).
"""

from __future__ import annotations

from typing import Any

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    return {}


def _roster(rule: Rule, ctx_or_pb: Any) -> list[str]:
    pb = getattr(ctx_or_pb, "playbook", ctx_or_pb)
    return list(pb.data.get("roster") or []) if rule.params.get("known_from") == "roster" else []


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    value = b[rule.params["field"]]
    missing = value.isnull()
    roster = _roster(rule, ctx)
    unknown = ~value.cast("string").isin(roster) if roster else ibis.literal(False)
    short = ibis.literal(False)
    if rule.params.get("min_lead"):
        short = (b.due < b.ts + interval(rule.params["min_lead"])).fill_null(False)
    detail = ibis.cases(
        (missing, "missing"), (unknown, "unknown"), (short, "short"), else_=ibis.null("string")
    )
    checked = ctx.match(rule.params["checked"], b)
    bad = missing | unknown | short
    extra = {"deadline": b.due} if rule.params.get("min_lead") else {}
    return [event_part(rule.id, b, checked, status_of(bad), detail=detail, **extra)]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    on_roster, ahead = bool(_roster(rule, pb)), bool(p.get("min_lead"))
    key = {
        (False, False): "plain",
        (True, False): "on_roster",
        (False, True): "ahead",
        (True, True): "on_roster_ahead",
    }[on_roster, ahead]
    return WORDS.text(
        f"describe.{key}",
        lang,
        checked=label(p["checked"], pb, lang),
        field=p["field"],
        lead=dur(p["min_lead"], lang) if ahead else "",
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    p = rule.params
    say = WORDS.say_in(
        lang,
        ts=fmt_ts(rows["ts"]),
        field=p["field"],
        due=fmt_ts(rows["deadline"]),
        lead=dur(p["min_lead"], lang) if p.get("min_lead") else "",
    )
    return cases(
        (equals(rows["detail"], "unknown"), say("evidence.unknown")),
        (equals(rows["detail"], "short"), say("evidence.short")),
        otherwise=say("evidence.missing"),
    )


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    good = example_event(pb, p["checked"], BASE_TS, 1)
    good.setdefault(p["field"], {"due": "2025-03-04 10:00:00"}.get(p["field"], "kf01"))
    bad = {k: v for k, v in good.items() if k != p["field"]}
    if p.get("min_lead"):  # due a day late of the lead, and a day beyond it
        lead = seconds(p["min_lead"])
        at = {"short": BASE_TS + lead - seconds("1d"), "ok": BASE_TS + lead + seconds("1d")}
        bad = {**good, "due": at["short"].strftime("%Y-%m-%d %H:%M:%S")}
        good = {**good, "due": at["ok"].strftime("%Y-%m-%d %H:%M:%S")}
    return [bad], [good]


KIND = register(
    Kind(
        name="required_field",
        summary={"zh": "必填字段", "en": "required field"},
        names="the record with the missing or wrong field",
        belongs_to="its agent (a missing account: `unassigned`)",
        semantics=(
            "Each checked event is an opportunity; a violation if `field` is empty (detail "
            "'missing'), or, with known_from: roster and a non-empty playbook roster, not on it "
            "(detail 'unknown'), or, with min_lead (field `due`), due < ts + min_lead (detail "
            "'short'; deadline = due)."
        ),
        params_schema=params_schema(
            ["checked", "field"],
            checked=EVENT_FILTER,
            field={"enum": LOG_FIELDS},
            known_from={"enum": ["roster"]},
            min_lead=DURATION,
        ),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
