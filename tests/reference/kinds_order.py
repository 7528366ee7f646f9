"""Rule kinds that look along one customer's ordered events: follow-ups, blockers, caps."""

from __future__ import annotations

from datetime import datetime, time
from itertools import pairwise

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context
from tests.reference.events import Event, Outcome


def _finding(rule: Rule, status: str, e: Event, **extra: object) -> Outcome:
    """An outcome named by ``e``: attributed to its agent and channel."""
    attributed = {"agent_id": e.agent_id, "channel": e.channel}
    return Outcome(rule.id, status, e.customer_id, e.event_id, e.ts, **extra, **attributed)  # type: ignore[arg-type]


def follow_up(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_trigger, is_expect = ctx.filter(p["trigger"]), ctx.filter(p["expect"])
    within = parse_duration(p["within"])
    gap = parse_duration(p["min_gap"]) if p.get("min_gap") else None
    out = []
    for events in ctx.timelines():
        for i, t in enumerate(events):
            if not is_trigger(t):
                continue
            later = events[i + 1 :]
            if gap:  # only a separate contact at least `gap` later answers the trigger
                later = [e for e in events if e.ts >= t.ts + gap]
            r = next((e for e in later if is_expect(e)), None)
            deadline = t.ts + within
            if r is not None and r.ts <= deadline:
                status = "ok"
            elif r is None and deadline > ctx.as_of:
                status = "pending"
            else:
                status = "violation"
            out.append(
                _finding(
                    rule,
                    status,
                    t,
                    ref_ts=r.ts if r else None,
                    ref_id=r.event_id if r else None,
                    deadline=deadline,
                )
            )
    return out


def none_after(rule: Rule, ctx: Context) -> list[Outcome]:
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
                _finding(
                    rule,
                    "violation" if bad else "ok",
                    e,
                    ref_ts=blocker.ts if blocker else None,
                    ref_id=blocker.event_id if blocker else None,
                )
            )
    return out


def while_open(rule: Rule, ctx: Context) -> list[Outcome]:
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
                _finding(
                    rule, "violation" if bad else "ok", e, ref_ts=opened.ts if opened else None
                )
            )
    return out


def rolling_cap(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    per, cap = parse_duration(p["per"]), int(p["max"])
    out = []
    for events in ctx.timelines():
        for i, e in enumerate(events):
            if not is_checked(e):
                continue
            n = sum(1 for x in events[: i + 1] if is_checked(x) and e.ts - per <= x.ts <= e.ts)
            out.append(_finding(rule, "violation" if n > cap else "ok", e, count=n))
    return out


def _clock(text: str) -> time:
    parts = [int(x) for x in str(text).split(":")]
    return time(*parts)


def quiet_hours(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    start, end = _clock(p["start"]), _clock(p["end"])

    def quiet(ts: datetime) -> bool:
        t = ts.time()
        return (t >= start or t < end) if start > end else (start <= t < end)

    return [
        _finding(rule, "violation" if quiet(e.ts) else "ok", e)
        for events in ctx.timelines()
        for e in events
        if is_checked(e)
    ]


def first_after_silence(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    silence = parse_duration(p["silence"])
    is_checked, is_forbidden = ctx.filter(p["checked"]), ctx.filter(p["forbidden"])
    out = []
    for events in ctx.timelines():
        for prev, e in pairwise(events):
            if e.ts - prev.ts >= silence and is_checked(e):
                status = "violation" if is_forbidden(e) else "ok"
                out.append(_finding(rule, status, e, ref_ts=prev.ts, ref_id=prev.event_id))
    return out


def next_not(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_after, is_checked = ctx.filter(p["after"]), ctx.filter(p["checked"])
    is_forbidden = ctx.filter(p["forbidden"])
    out = []
    for events in ctx.timelines():
        for i, e in enumerate(events):
            if not is_checked(e):
                continue
            a = next((x for x in reversed(events[:i]) if is_after(x)), None)
            k = next((x for x in reversed(events[:i]) if is_checked(x)), None)
            if a is None or (k is not None and not k.key < a.key):
                continue
            status = "violation" if is_forbidden(e) else "ok"
            out.append(_finding(rule, status, e, ref_ts=a.ts, ref_id=a.event_id))
    return out
