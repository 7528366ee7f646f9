"""The reference `first_after_silence`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from itertools import pairwise

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("ref_ts", False),)


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    silence = parse_duration(p["silence"])
    is_checked, is_forbidden = ctx.filter(p["checked"]), ctx.filter(p["forbidden"])
    out = []
    for events in ctx.timelines():
        for prev, e in pairwise(events):
            if e.ts - prev.ts >= silence and is_checked(e):
                status = "violation" if is_forbidden(e) else "ok"
                out.append(finding(rule, status, e, ref_ts=prev.ts, ref_id=prev.event_id))
    return out
