"""The reference `while_open`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = ()


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    opens, closes = ctx.filter(p["opened_by"]), ctx.filter(p["closed_by"])
    out = []
    for events in ctx.timelines():
        for i, e in enumerate(events):
            if not is_checked(e):
                continue
            opened = next((x for x in reversed(events[:i]) if opens(x)), None)
            closed = next((x for x in reversed(events[:i]) if closes(x)), None)
            bad = opened is not None and (closed is None or closed.key < opened.key)
            out.append(
                finding(rule, "violation" if bad else "ok", e, ref_ts=opened.ts if opened else None)
            )
    return out
