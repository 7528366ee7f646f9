"""The reference `agent_quota`: the kind's semantics in plain Python, one outcome per
opportunity (compared with the engine's on generated logs and the rule cases)."""

from __future__ import annotations

from datetime import datetime, timedelta

from checker.playbook import Rule
from tests.reference.context import Context
from tests.reference.events import Outcome

# Besides the key, the fields the kind's semantics pin down: (field, only for violations?).
COMPARED: tuple[tuple[str, bool], ...] = (("detail", False), ("count", False), ("deadline", False))


LENGTH = {"day": timedelta(days=1), "week": timedelta(days=7)}


def _start(ts: datetime, per: str) -> datetime:
    day = datetime(ts.year, ts.month, ts.day)
    return day - timedelta(days=day.weekday()) if per == "week" else day


def outcomes(rule: Rule, ctx: Context) -> list[Outcome]:
    p = rule.params
    is_shop, is_checked = ctx.filter({"events": ["@shop"]}), ctx.filter(p["checked"])
    reached: dict[tuple[str, datetime], set[str]] = {}
    for e in ctx.events:
        if is_shop(e) and e.agent_id is not None:
            seen = reached.setdefault((e.agent_id, _start(e.ts, p["per"])), set())
            if is_checked(e):
                seen.add(e.customer_id)
    out = []
    for (agent, start), customers in sorted(reached.items()):
        n, end = len(customers), start + LENGTH[p["per"]]
        low = p.get("at_least") is not None and n < int(p["at_least"])
        high = p.get("at_most") is not None and n > int(p["at_most"])
        status = "ok"
        if high:
            status = "violation"
        elif low:
            status = "pending" if end > ctx.as_of else "violation"
        out.append(
            Outcome(
                rule.id,
                status,
                None,
                None,
                start,
                deadline=end,
                detail=agent,
                count=n,  # type: ignore[arg-type]
                agent_id=agent,  # the quota is the agent's own
            )
        )
    return out
