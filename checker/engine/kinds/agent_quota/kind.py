"""agent_quota: each staff account reaches at least (or at most) N distinct customers a period.

Seed 004's call centre gave each agent 200 households a week. A finding is about an agent and
a period, not a customer: its ``detail`` is the agent's account, ``ts`` the period's start.
"""

from __future__ import annotations

from datetime import timedelta

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)

PERIODS = {"day": ("D", 1), "week": ("W", 7)}  # truncation unit, length in days
COUNT = {"type": "integer", "minimum": 0}


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> ir.Table:
    """One outcome per (agent, period) in which the agent logged any shop event (the log
    cannot tell a week off from an idle one): the distinct customers of its checked events."""
    p = rule.params
    unit, days = PERIODS[p["per"]]
    length = ibis.interval(days=days)
    shop = ctx.match({"events": ["@shop"]}, b) & b.agent_id.notnull()
    rows = b.filter(shop)
    rows = rows.select(
        agent=rows.agent_id,
        start=rows.ts.truncate(unit),
        key=ibis.ifelse(
            ctx.match(p["checked"], rows), rows.customer_key, ibis.null(rows.customer_key.type())
        ),
    )
    agg = rows.group_by(["agent", "start"]).aggregate(n=rows.key.nunique())
    end = agg.start + length
    low = agg.n < int(p["at_least"]) if p.get("at_least") is not None else ibis.literal(False)
    high = agg.n > int(p["at_most"]) if p.get("at_most") is not None else ibis.literal(False)
    return agg.select(
        **outcome(
            rule.id,
            status_of(low | high, low & ~high & (end > ctx.as_of_lit())),
            customer_id=ibis.null("string"),
            ts=agg.start,
            deadline=end,
            detail=agg.agent,
            count=agg.n,
            agent_id=agg.agent,  # the quota is the agent's own
        )
    )


def _bounds(rule: Rule, lang: str) -> str:
    p = rule.params
    parts = [
        WORDS.text(f"bounds.{bound}", lang, n=p[bound])
        for bound in ("at_least", "at_most")
        if p.get(bound) is not None
    ]
    return WORDS.text("bounds.and", lang).join(parts)


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule",
        lang,
        per=WORDS.text(f"period.{p['per']}", lang),
        checked=label(p["checked"], pb, lang),
        bounds=_bounds(rule, lang),
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    say = WORDS.say_in(
        lang,
        agent=rows["detail"],
        start=fmt_day(rows["ts"]),
        end=fmt_ts(rows["deadline"]),
        count=rows["count"],
        bounds=_bounds(rule, lang),
    )
    return cases((is_pending(rows), say("evidence.pending")), otherwise=say("evidence.ended"))


def example(rule: Rule, pb: Playbook) -> Example:
    """One week of one account: too few (or too many) distinct customers, and just enough.
    Honest to the live bound, so a quota of 200 gives a compliant log of 200 calls."""
    p = rule.params
    least, most = p.get("at_least"), p.get("at_most")
    n_good = int(least) if least is not None else int(most)
    n_bad = 1 if least is not None and int(least) > 1 else int(most if most is not None else 0) + 1
    if least is not None and int(least) == 1:
        n_bad = 0

    def calls(n: int) -> list[dict[str, str]]:
        rows = []
        for i in range(max(n, 1)):
            row = example_event(pb, p["checked"], BASE_TS + timedelta(minutes=i), i + 1)
            row["customer_id"] = f"C{i + 1:03d}"
            rows.append(row)
        # no checked event at all: the account's week shows through another shop action
        rows = rows if n > 0 else [{**rows[0], "event": "care", "channel": "wechat"}]
        # a customer's reply the next Monday: the audit runs past the end of the week
        reply = example_event(pb, {"events": ["reply"]}, BASE_TS + timedelta(days=7), 0)
        return [*rows, {**reply, "event_id": "E000"}]

    return calls(n_bad), calls(n_good)


def _one_bound(schema: dict[str, object]) -> dict[str, object]:
    return {**schema, "anyOf": [{"required": ["at_least"]}, {"required": ["at_most"]}]}


KIND = register(
    Kind(
        name="agent_quota",
        summary={"zh": "每个客服每个时段的联系客户数", "en": "contacts per agent per period"},
        names="the staff account and the period (no customer)",
        belongs_to="that account",
        semantics=(
            "Periods are calendar days or weeks (Monday to Sunday, playbook time zone). For each "
            "agent A and period P in which A logged at least one shop event: n = the number of "
            "distinct customers of A's checked events in P. violation if n > at_most, or n < "
            "at_least and P has ended by as_of; pending if n < at_least and P ends after "
            "as_of. The finding names the agent (detail) and P's start (ts), no customer."
        ),
        params_schema=_one_bound(
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["checked", "per"],
                "properties": {
                    "checked": EVENT_FILTER,
                    "per": {"enum": list(PERIODS)},
                    "at_least": {**COUNT, "minimum": 1},
                    "at_most": COUNT,
                },
            }
        ),
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
