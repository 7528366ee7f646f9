"""Rule kinds about one event's own fields or its references: due dates, fields, phrases."""

from __future__ import annotations

from checker.durations import parse_duration
from checker.playbook import Rule
from tests.reference.context import Context
from tests.reference.events import Event, Outcome


def _finding(rule: Rule, status: str, e: Event, **extra: object) -> Outcome:
    """An outcome named by ``e``: attributed to its agent and channel."""
    attributed = {"agent_id": e.agent_id, "channel": e.channel}
    return Outcome(rule.id, status, e.customer_id, e.event_id, e.ts, **extra, **attributed)  # type: ignore[arg-type]


def deadline_by_ref(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked, fulfils = ctx.filter(p["checked"]), ctx.filter(p["fulfilled_by"])
    first: dict[str, Event] = {}  # ref -> the first fulfilling event, in (ts, input) order
    for x in sorted(ctx.events, key=lambda e: e.key):
        if x.ref is not None and fulfils(x):
            first.setdefault(x.ref, x)
    out = []
    for events in ctx.timelines():
        for e in events:
            if not is_checked(e) or e.due is None:
                continue
            f = first.get(e.event_id)
            if f is not None and f.ts <= e.due:
                status = "ok"
            elif f is None and e.due > ctx.as_of:
                status = "pending"
            else:
                status = "violation"
            out.append(
                _finding(
                    rule,
                    status,
                    e,
                    deadline=e.due,
                    ref_ts=f.ts if f else None,
                    ref_id=f.event_id if f else None,
                )
            )
    return out


def required_field(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    field = p["field"]
    known: set[str] = set()
    if p.get("known_from") == "roster":
        known = {str(x) for x in ctx.playbook.data.get("roster") or []}
    out = []
    for events in ctx.timelines():
        for e in events:
            if not is_checked(e):
                continue
            value = getattr(e, field)
            detail = None
            if value is None or (isinstance(value, str) and not value.strip()):
                detail = "missing"
            elif known and str(value) not in known:
                detail = "unknown"
            elif p.get("min_lead") and e.due is not None:
                if e.due < e.ts + parse_duration(p["min_lead"]):
                    detail = "short"
            extra = {"deadline": e.due} if p.get("min_lead") else {}
            out.append(_finding(rule, "violation" if detail else "ok", e, detail=detail, **extra))
    return out


def phrases(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_checked = ctx.filter(p["checked"])
    field = p["field"]
    wanted = [str(x) for x in p["phrases"]]
    out = []
    for events in ctx.timelines():
        for e in events:
            value = getattr(e, field)
            if not is_checked(e) or value is None or not str(value).strip():
                continue
            low = str(value).lower()
            hit = next((w for w in wanted if w.lower() in low), None)
            out.append(_finding(rule, "violation" if hit else "ok", e, detail=hit))
    return out
