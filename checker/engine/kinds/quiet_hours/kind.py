"""quiet_hours: no checked (outbound) event in the quiet part of the day."""

from __future__ import annotations

from datetime import datetime, timedelta

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)

CLOCK = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    return {}


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    start, end = _minutes(rule.params["start"]), _minutes(rule.params["end"])
    minute = b.ts.hour() * 60 + b.ts.minute()
    if start > end:
        quiet = (minute >= start) | (minute < end)
    else:
        quiet = (minute >= start) & (minute < end)
    hours = ibis.literal(f"{rule.params['start']}-{rule.params['end']}")
    checked = ctx.match(rule.params["checked"], b)
    return [event_part(rule.id, b, checked, status_of(quiet), detail=hours)]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule",
        lang,
        start=p["start"],
        end=p["end"],
        checked=label(p["checked"], pb, lang),
        timezone=pb.timezone,
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    p = rule.params
    say = WORDS.say_in(lang, ts=fmt_ts(rows["ts"]), start=str(p["start"]), end=str(p["end"]))
    return say("evidence.quiet")


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    day = datetime(2025, 3, 3)
    quiet_at = day + timedelta(minutes=_minutes(p["start"]))
    ok_at = day + timedelta(minutes=_minutes(p["end"]))
    return (
        [example_event(pb, p["checked"], quiet_at, 1)],
        [example_event(pb, p["checked"], ok_at, 1)],
    )


KIND = register(
    Kind(
        name="quiet_hours",
        summary={"zh": "休息时段不主动联系", "en": "quiet hours"},
        names="the message in quiet hours",
        belongs_to="the agent who sent it",
        semantics=(
            "For each checked event E with time of day t (playbook time zone): if start > end "
            "(over midnight) violation when t >= start or t < end, else when start <= t < end."
        ),
        params_schema=params_schema(
            ["checked", "start", "end"],
            checked=EVENT_FILTER,
            start=CLOCK,
            end=CLOCK,
        ),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
