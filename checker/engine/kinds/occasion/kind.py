"""occasion: in-scope customers get a greeting in the window around each occasion."""

from __future__ import annotations

from datetime import datetime, timedelta

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


def _years(ctx: RuleContext) -> list[int]:
    return list(range(ctx.audit_start.year, ctx.as_of.year + 1))


def _occasions(rule: Rule, ctx: RuleContext, people: ir.Table) -> ir.Table:
    """customer_id, customer_key, key, day0 for every occasion of every in-scope customer
    (``people``: their customer_id and customer_key)."""
    lo, hi = ctx.audit_start.date(), ctx.as_of.date()
    which = rule.params["occasion"]
    if which != "birthday":
        if which == "holidays":
            days = holiday_days(ctx.playbook, lo.year, hi.year)
        else:
            days = month_days(which, lo, hi)
        days = [(k, d) for k, d in days if lo <= d <= hi]
        occ = value_table(
            pa.table(
                {
                    "key": pa.array([k for k, _ in days], pa.string()),
                    "day0": pa.array(
                        [datetime(d.year, d.month, d.day) for _, d in days], pa.timestamp("us")
                    ),
                }
            )
        )
        return people.cross_join(occ)
    if ctx.customers is None:
        return people.mutate(key=ibis.literal("birthday"), day0=ibis.null("timestamp")).limit(0)
    c = ctx.customers.filter(ctx.customers.bmonth.notnull())
    born = people.join(c, people.customer_id == c.customer_id).select(
        people.customer_id, people.customer_key, c.bmonth, c.bday
    )
    years = value_table(pa.table({"year": pa.array(_years(ctx), pa.int64())}))
    x = born.cross_join(years)
    leap = ((x.year % 4 == 0) & (x.year % 100 != 0)) | (x.year % 400 == 0)
    day = ibis.ifelse((x.bmonth == 2) & (x.bday == 29) & ~leap, 28, x.bday)
    x = x.mutate(
        key=ibis.literal("birthday"), day0=ibis.date(x.year, x.bmonth, day).cast("timestamp")
    )
    return x.filter(
        (x.day0 >= ibis.literal(datetime.combine(lo, datetime.min.time())))
        & (x.day0 <= ibis.literal(datetime.combine(hi, datetime.min.time())))
    ).select("customer_id", "customer_key", "key", "day0")


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> ir.Table:
    p = rule.params
    assert ctx.segments is not None  # one row per audited customer
    people = ctx.segments
    if p.get("scope", {}).get("segments"):
        people = people.filter(people.segment.isin(p["scope"]["segments"]).fill_null(False))
    occ = _occasions(rule, ctx, people.select("customer_id", "customer_key"))
    occ = occ.mutate(
        w_start=occ.day0 - interval(p["before"]),
        w_end=occ.day0 + ibis.interval(days=1) + interval(p["after"]),
    )
    # Joined and grouped by the customer's key, a number, not by the id (see
    # `checker.engine.customer_keys`); the id is one per key, carried through.
    greet = b.filter(ctx.match(p["expect"], b)).select(g_k=b.customer_key, g_ts=b.ts)
    j = occ.left_join(
        greet,
        [occ.customer_key == greet.g_k, greet.g_ts >= occ.w_start, greet.g_ts < occ.w_end],
    )
    agg = j.group_by(["customer_key", "key", "day0", "w_end"]).aggregate(
        customer_id=j.customer_id.arbitrary(), n=j.g_ts.count(), first=j.g_ts.min()
    )
    return agg.select(
        **outcome(
            rule.id,
            status_of(agg.n == 0, (agg.n == 0) & (agg.w_end > ctx.as_of_lit())),
            customer_id=agg.customer_id,
            ts=agg.day0,
            ref_ts=agg.first,
            deadline=agg.w_end,
            detail=agg.key,
        )
    )


MONTH_EDGES = ("month_start", "month_end")


def _occasion_name(key: str | None, pb: Playbook, lang: str) -> str:
    if key == "birthday" or key is None:
        return WORDS.text("occasion.birthday", lang)
    if key in MONTH_EDGES:
        return WORDS.text(f"occasion.{key}", lang)
    return pb.data.get("calendar", {}).get("holidays", {}).get(key, {}).get(lang, key)


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    segs = p.get("scope", {}).get("segments") or []
    return WORDS.text(
        "describe.rule",
        lang,
        who=segment_list(segs, pb, lang) or WORDS.text("describe.everyone", lang),
        what=WORDS.text(f"describe.what.{p['occasion']}", lang),
        before=dur(p["before"], lang),
        after=dur(p["after"], lang),
        expect=label(p["expect"], pb, lang),
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    say = WORDS.say_in(
        lang,
        name=per_value(rows["detail"], lambda key: _occasion_name(key, pb, lang)),
        day=fmt_day(rows["ts"]),
        end=fmt_ts(rows["deadline"]),
    )
    return cases((is_pending(rows), say("evidence.pending")), otherwise=say("evidence.missed"))


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    if p["occasion"] == "holidays":
        days = [d for key, d in holiday_days(pb, 2025, 2025) if key][:1] or [datetime(2025, 1, 1)]
        day0 = datetime(days[0].year, days[0].month, days[0].day)
    elif p["occasion"] == "month_start":
        day0 = datetime(2025, 3, 1)
    elif p["occasion"] == "month_end":
        day0 = datetime(2025, 3, 31)
    else:
        day0 = datetime(2025, 3, 10)
    # The log starts on the occasion's day and ends just after its window, so no other
    # occasion falls inside it.
    start = example_event(pb, {"events": ["purchase"], "channels": ["im"]}, day0, 1)
    after = seconds(p["after"]) + timedelta(days=1, hours=1)
    end = example_event(pb, {"events": ["reply"]}, day0 + after, 3)
    greet = example_event(pb, p["expect"], day0 + timedelta(hours=10), 2)
    return [start, end], [start, greet, end]


KIND = register(
    Kind(
        name="occasion",
        summary={"zh": "节日与生日问候", "en": "occasion greeting"},
        names="the customer and the occasion (no event)",
        belongs_to="`unassigned`",
        semantics=(
            "In-scope customers (at least one audited event; scope.segments) x occasions (public "
            "holidays from the `holidays` library by the playbook's calendar, or customers-file "
            "birthdays, Feb 29 -> Feb 28 in common years; or each month's first day, month_start, "
            "or last day, month_end) whose day is within the audit period. "
            "Window = [day - before, day + 1 day + after). ok if an `expect` event falls in the "
            "window; pending if not and the window ends after as_of; violation otherwise."
        ),
        params_schema=params_schema(
            ["occasion", "expect", "before", "after"],
            occasion={"enum": ["holidays", "birthday", *MONTH_EDGES]},
            scope={
                "type": "object",
                "additionalProperties": False,
                "properties": {"segments": SEGMENT_LIST},
            },
            expect=EVENT_FILTER,
            before=DURATION,
            after=DURATION,
        ),
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
