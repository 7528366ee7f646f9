"""max_silence: in-scope customers never go longer than ``max_gap`` without a contact."""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)

SCOPE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"segments": SEGMENT_LIST, "purchased_within": DURATION},
}


def in_scope(rule: Rule, ctx: RuleContext, t_: ir.Table) -> ir.BooleanValue:
    scope = rule.params.get("scope", {})
    cond: ir.BooleanValue = ibis.literal(True)
    if scope.get("segments"):
        cond &= ctx.in_segment(t_, scope["segments"])
    if scope.get("purchased_within"):
        since = ctx.as_of_lit() - interval(scope["purchased_within"])
        cond &= ctx.customer_is(t_, lambda s: s.last_purchase >= since)
    return cond.fill_null(False)


def _period_start(rule: Rule, ctx: RuleContext) -> ir.TimestampScalar:
    return ctx.as_of_lit() - interval(rule.params.get("period", "365d"))


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    contact = _contact(rule, ctx, e)
    return {
        "next": first_where(e.ts, contact, customer_window(e, rows=FOLLOWING)),
        # The previous event's time: none for the customer's first event, whose time starts
        # the initial interval (the same column as first_after_silence's: computed once).
        "prev": e.ts.lag().over(customer_window(e)),
        # Not a window: the customer's scope, looked up once per row (both parts read it; as
        # an expression in each, the lookup would run twice).
        "scoped": in_scope(rule, ctx, e),
    }


def _contact(rule: Rule, ctx: RuleContext, t_: ir.Table) -> ir.BooleanValue:
    return ctx.match(rule.params["contacts"], t_) & (t_.ts >= _period_start(rule, ctx))


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    max_gap, as_of, p0 = interval(rule.params["max_gap"]), ctx.as_of_lit(), _period_start(rule, ctx)
    scoped, nxt = ctx.col(b, rule, "scoped"), ctx.col(b, rule, "next")
    contact = _contact(rule, ctx, b)
    after_contact = event_part(
        rule.id,
        b,
        scoped & contact,
        status_of(
            ibis.coalesce(nxt, as_of) > b.ts + max_gap,
            nxt.isnull() & (as_of <= b.ts + max_gap),
        ),
        ref_ts=nxt,
        deadline=b.ts + max_gap,
    )
    # The initial interval runs from the customer's first event (or the period's start) to the
    # first contact: this first event itself, or else the next contact after it.
    first_contact = ibis.ifelse(contact, b.ts, nxt)
    start = ibis.greatest(b.ts, p0)
    initial = Part(
        rule.id,
        # NULL where a part's test is NULL counts as false (see `event_part`): no COALESCE,
        # so the backend tests the later terms only for the rows that pass the first ones.
        scoped
        & ctx.col(b, rule, "prev").isnull()
        & (first_contact.isnull() | (first_contact != start)),
        status_of(
            ibis.coalesce(first_contact, as_of) > start + max_gap,
            first_contact.isnull() & (as_of <= start + max_gap),
        ),
        False,
        {"ts": start, "ref_ts": first_contact, "deadline": start + max_gap},
    )
    return [after_contact, initial]


def _scope_text(rule: Rule, pb: Playbook, lang: str) -> str:
    scope = rule.params.get("scope", {})
    parts = []
    if scope.get("segments"):
        parts.append(segment_list(scope["segments"], pb, lang))
    if scope.get("purchased_within"):
        within = dur(scope["purchased_within"], lang)
        parts.append(WORDS.text("scope.bought_within", lang, within=within))
    if not parts:
        return WORDS.text("scope.all", lang)
    return WORDS.text("scope.some", lang, who=WORDS.text("scope.and", lang).join(parts))


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    return WORDS.text(
        "describe.rule",
        lang,
        customers=_scope_text(rule, pb, lang),
        contacts=label(p["contacts"], pb, lang),
        max_gap=dur(p["max_gap"], lang),
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    say = WORDS.say_in(
        lang,
        start=choose(
            # a finding that names its last contact has a line (and, once sorted, its id)
            pc.is_valid(rows["line"]),
            WORDS.text("evidence.last_contact", lang),
            WORDS.text("evidence.since", lang),
        ),
        limit=dur(rule.params["max_gap"], lang),
        ts=fmt_ts(rows["ts"]),
        deadline=fmt_ts(rows["deadline"]),
        next=fmt_ts(rows["ref_ts"]),
        apart=gap(rows["ref_ts"], rows["ts"], lang),
    )
    return by_ref(
        rows,
        pending=say("evidence.pending"),
        missing=say("evidence.missing"),
        found=say("evidence.found"),
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
        names="the last contact before the silence",
        belongs_to=(
            "the agent of that contact; the gap before a customer's first contact: `unassigned`"
        ),
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
