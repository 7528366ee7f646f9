"""required_field: checked events carry a value in a field (and, optionally, a known one)."""

from __future__ import annotations

from typing import Any

from checker.engine.kinds.kit import *


def columns(rule: Rule, ctx: RuleContext, e: ir.Table) -> dict[str, ir.Value]:
    return {}


def _roster(rule: Rule, ctx_or_pb: Any) -> list[str]:
    pb = getattr(ctx_or_pb, "playbook", ctx_or_pb)
    return list(pb.data.get("roster") or []) if rule.params.get("known_from") == "roster" else []


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    value = b[rule.params["field"]]
    missing = value.isnull()
    roster = _roster(rule, ctx)
    unknown = ~value.cast("string").isin(roster) if roster else ibis.literal(False)
    detail = ibis.cases((missing, "missing"), (unknown, "unknown"), else_=ibis.null("string"))
    checked = ctx.match(rule.params["checked"], b)
    return [event_part(rule.id, b, checked, status_of(missing | unknown), detail=detail)]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    k, f = label(rule.params["checked"], pb, lang), rule.params["field"]
    text = t(lang, f"每条{k}都要填写 `{f}`", f"Every {k} has a `{f}`")
    if _roster(rule, pb):
        text += t(
            lang, "，且必须是花名册（roster）中的账号", ", and it is on the playbook's roster"
        )
    return text + t(lang, "。", ".")


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    say = say_in(lang, ts=fmt_ts(rows["ts"]), f=rule.params["field"])
    return cases(
        (
            equals(rows["detail"], "unknown"),
            say("{ts} 的 `{f}` 不在花名册中", "`{f}` of the event at {ts} is not on the roster"),
        ),
        otherwise=say("{ts} 的记录缺少 `{f}`", "the event at {ts} has no `{f}`"),
    )


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    good = example_event(pb, p["checked"], BASE_TS, 1)
    good.setdefault(p["field"], {"due": "2025-03-04 10:00:00"}.get(p["field"], "kf01"))
    bad = {k: v for k, v in good.items() if k != p["field"]}
    return [bad], [good]


KIND = register(
    Kind(
        name="required_field",
        summary={"zh": "必填字段", "en": "required field"},
        semantics=(
            "Each checked event is an opportunity; a violation if `field` is empty (detail "
            "'missing'), or, with known_from: roster and a non-empty playbook roster, not on it "
            "(detail 'unknown')."
        ),
        params_schema=params_schema(
            ["checked", "field"],
            checked=EVENT_FILTER,
            field={"enum": LOG_FIELDS},
            known_from={"enum": ["roster"]},
        ),
        columns=columns,
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
