"""The reference `none_after`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context, finding
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = ()


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked, is_after = ctx.filter(p["checked"]), ctx.filter(p["after"])
    within = parse_duration(p["within"]) if p.get("within") else None
    same = list(p.get("same") or [])
    out = []
    for events in ctx.timelines():
        for i, e in enumerate(events):
            if not is_checked(e):
                continue
            blocker = None
            if all(getattr(e, col) is not None for col in same):
                for b in reversed(events[:i]):
                    if is_after(b) and all(getattr(b, c) == getattr(e, c) for c in same):
                        blocker = b
                        break
            bad = blocker is not None and (within is None or e.ts - blocker.ts <= within)
            if p.get("required"):  # the `after` event must precede instead
                bad = not bad
            out.append(
                finding(
                    rule,
                    "violation" if bad else "ok",
                    e,
                    ref_ts=blocker.ts if blocker else None,
                    ref_id=blocker.event_id if blocker else None,
                )
            )
    return out
