"""The reference `quiet_hours`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from datetime import datetime, time

from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = ()


def _clock(text: str) -> time:
    parts = [int(x) for x in str(text).split(":")]
    return time(*parts)


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    start, end = _clock(p["start"]), _clock(p["end"])

    def quiet(ts: datetime) -> bool:
        t = ts.time()
        return (t >= start or t < end) if start > end else (start <= t < end)

    return [
        finding(rule, "violation" if quiet(e.ts) else "ok", e)
        for events in ctx.timelines()
        for e in events
        if is_checked(e)
    ]
