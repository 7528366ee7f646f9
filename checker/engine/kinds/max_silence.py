"""max_silence: in-scope customers never go longer than ``max_gap`` without a contact."""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from checker.engine.context import FOLLOWING, RuleContext, customer_window, interval
from checker.engine.kinds._common import (
    BASE_TS,
    DURATION,
    EVENT_FILTER,
    SEGMENT_LIST,
    dur,
    example_event,
    fmt_ts,
    gap,
    label,
    params_schema,
    seconds,
    t,
)
from checker.engine.outcomes import outcome, status_of
from checker.engine.registry import Example, Kind, register
from checker.playbook.model import Playbook, Rule

SCOPE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"segments": SEGMENT_LIST, "purchased_within": DURATION},
}


def in_scope(rule: Rule, ctx: RuleContext, t_: ir.Table) -> ir.BooleanValue:
    scope = rule.params.get("scope", {})
    cond: ir.BooleanValue = ibis.literal(True)
    if scope.get("segments"):
        cond &= t_.segment.isin(scope["segments"])
    if scope.get("purchased_within"):
        cond &= t_.last_purchase >= ctx.as_of_lit() - interval(scope["purchased_within"])
    return cond.fill_null(False)


def _period_start(rule: Rule, ctx: RuleContext) -> ir.TimestampScalar:
    return ctx.as_of_lit() - interval(rule.params.get("period", "365d"))


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    contact = ctx.match(rule.params["contacts"], e) & (e.ts >= _period_start(rule, ctx))
    whole = ibis.window(group_by=e.customer_id)
    return {
        "next": e.ts.min(where=contact).over(customer_window(e, rows=FOLLOWING)),
        "first_contact": e.ts.min(where=contact).over(whole),
        "first_ts": e.ts.min().over(whole),
    }


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> ir.Table:
    max_gap, as_of, p0 = interval(rule.params["max_gap"]), ctx.as_of_lit(), _period_start(rule, ctx)
    scoped = b.filter(in_scope(rule, ctx, b))
    contacts = scoped.filter(ctx.match(rule.params["contacts"], scoped) & (scoped.ts >= p0))
    nxt = ctx.col(contacts, rule, "next")
    after_contact = contacts.select(
        **outcome(
            rule.id,
            status_of(
                ibis.coalesce(nxt, as_of) > contacts.ts + max_gap,
                nxt.isnull() & (as_of <= contacts.ts + max_gap),
            ),
            customer_id=contacts.customer_id,
            event_id=contacts.event_id,
            ts=contacts.ts,
            file_no=contacts.file_no,
            line=contacts.line,
            ref_ts=nxt,
            deadline=contacts.ts + max_gap,
        )
    )
    firsts = scoped.filter(scoped.ord == 0)
    first_contact = ctx.col(firsts, rule, "first_contact")
    start = ibis.greatest(ctx.col(firsts, rule, "first_ts"), p0)
    firsts = firsts.mutate(_s=start, _fc=first_contact).filter(
        lambda x: x._fc.isnull() | (x._fc != x._s)
    )
    initial = firsts.select(
        **outcome(
            rule.id,
            status_of(
                ibis.coalesce(firsts._fc, as_of) > firsts._s + max_gap,
                firsts._fc.isnull() & (as_of <= firsts._s + max_gap),
            ),
            customer_id=firsts.customer_id,
            ts=firsts._s,
            ref_ts=firsts._fc,
            deadline=firsts._s + max_gap,
        )
    )
    return after_contact.union(initial)


def _scope_text(rule: Rule, pb: Playbook, lang: str) -> str:
    scope = rule.params.get("scope", {})
    parts = []
    if scope.get("segments"):
        segs = pb.data.get("segments", {})
        parts.append(
            ("、" if lang == "zh" else "/").join(
                segs.get(s, {}).get(lang, s) for s in scope["segments"]
            )
        )
    if scope.get("purchased_within"):
        parts.append(
            t(
                lang,
                f"{dur(scope['purchased_within'], lang)}内购买过的",
                f"who bought in the last {dur(scope['purchased_within'], lang)}",
            )
        )
    return t(
        lang, "".join(parts) + "客户", "customers " + " ".join(parts) if parts else "customers"
    )


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    c = label(p["contacts"], pb, lang)
    return t(
        lang,
        f"{_scope_text(rule, pb, lang)}，两次{c}之间不超过 {dur(p['max_gap'], lang)}。",
        f"For {_scope_text(rule, pb, lang)}, never more than {dur(p['max_gap'], lang)} "
        f"without a {c}.",
    )


def evidence(row: dict[str, Any], rule: Rule, pb: Playbook, lang: str) -> str:
    limit = dur(rule.params["max_gap"], lang)
    start = t(lang, "上次联系", "last contact") if row["event_id"] else t(lang, "起点", "since")
    if row["status"] == "pending":
        return t(
            lang,
            f"{start} {fmt_ts(row['ts'])}：下次联系应在 {fmt_ts(row['deadline'])} 前",
            f"{start} {fmt_ts(row['ts'])}: next contact due by {fmt_ts(row['deadline'])}",
        )
    if row["ref_ts"] is None:
        return t(
            lang,
            f"{start} {fmt_ts(row['ts'])}，此后再无联系；上限 {limit}",
            f"{start} {fmt_ts(row['ts'])}, no contact since; limit {limit}",
        )
    return t(
        lang,
        f"{start} {fmt_ts(row['ts'])}，下次 {fmt_ts(row['ref_ts'])}：间隔 "
        f"{gap(row['ref_ts'], row['ts'], lang)}；上限 {limit}",
        f"{start} {fmt_ts(row['ts'])}, next {fmt_ts(row['ref_ts'])}: "
        f"{gap(row['ref_ts'], row['ts'], lang)} apart; limit {limit}",
    )


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    g = seconds(p["max_gap"])
    buy = example_event(pb, {"events": ["purchase"], "channels": ["im"]}, BASE_TS, 1, amount="199")
    first = example_event(pb, p["contacts"], BASE_TS + seconds("1h"), 2)
    late = example_event(pb, p["contacts"], BASE_TS + seconds("1h") + g + seconds("3d"), 3)
    steady = [
        example_event(pb, p["contacts"], BASE_TS + seconds("1h") + g * i / 2, i + 2)
        for i in range(5)
    ]
    return [buy, first, late], [buy, *steady[:3]]


KIND = register(
    Kind(
        name="max_silence",
        summary={"zh": "两次联系之间的最长间隔", "en": "maximum silence between contacts"},
        semantics=(
            "For each in-scope customer (scope.segments, scope.purchased_within: a purchase at or "
            "after as_of - d), over contacts with ts >= P0 = as_of - period (default 365d): each "
            "contact C with next contact N is ok if N.ts - C.ts <= max_gap, else a violation; the "
            "last contact is a violation if as_of - C.ts > max_gap, else pending. An initial "
            "interval from s = max(first event, P0) to the first contact is checked the same way "
            "(finding: the customer) unless the first contact is at s."
        ),
        params_schema=params_schema(
            ["contacts", "max_gap"],
            scope=SCOPE,
            contacts=EVENT_FILTER,
            max_gap=DURATION,
            period=DURATION,
        ),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
