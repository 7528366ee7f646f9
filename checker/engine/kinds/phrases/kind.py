"""phrases: a text field contains none of the listed phrases (literal, case-insensitive)."""

from __future__ import annotations

from checker.engine.kinds.kit import *

WORDS = kind_words(__file__)


RE2_SPECIAL = frozenset("\\.+*?()|[]{}^$")


def _literal(phrase: str) -> str:
    """A phrase as an RE2 pattern matching exactly that text (every metacharacter escaped)."""
    return "".join("\\" + c if c in RE2_SPECIAL else c for c in phrase)


def _contains(text: ir.StringValue, phrase: str) -> ir.BooleanValue:
    """Case-insensitive; a phrase without cased letters (Chinese) needs no lowered copy."""
    if phrase.lower() == phrase.upper():
        return text.contains(phrase)
    return text.lower().contains(phrase.lower())


def outcomes(rule: Rule, ctx: RuleContext, b: ir.Table) -> list[Part]:
    text = b[rule.params["field"]]
    checked = ctx.match(rule.params["checked"], b) & text.notnull()
    phrases = rule.params["phrases"]
    # One pass over each text: the phrases as escaped literal alternatives, case-insensitive,
    # run by RE2 (linear time whatever the text); nothing in them acts as a pattern.
    found = text.re_search("(?i)" + "|".join(_literal(p) for p in phrases))
    # Which phrase: worked out by substring tests, only for the (few) texts that have one.
    which = ibis.cases(*[(_contains(text, p), p) for p in phrases], else_=ibis.null("string"))
    hit = ibis.ifelse(found.fill_null(False), which, ibis.null("string"))
    return [event_part(rule.id, b, checked, status_of(hit.notnull()), detail=hit)]


def describe(rule: Rule, pb: Playbook, lang: str) -> str:
    p = rule.params
    quoted = [WORDS.text("describe.quoted", lang, phrase=x) for x in p["phrases"][:4]]
    return WORDS.text(
        "describe.rule",
        lang,
        checked=label(p["checked"], pb, lang),
        field=p["field"],
        count=len(p["phrases"]),
        shown=WORDS.text("describe.separator", lang).join(quoted),
    )


def evidence(rows: pa.Table, rule: Rule, pb: Playbook, lang: str) -> pa.Array:
    say = WORDS.say_in(lang, ts=fmt_ts(rows["ts"]), phrase=rows["detail"])
    return say("evidence.found")


def example(rule: Rule, pb: Playbook) -> Example:
    p = rule.params
    phrase = p["phrases"][0]
    bad = example_event(pb, p["checked"], BASE_TS, 1, **{p["field"]: f"这个嘛，{phrase}。"})
    good = example_event(
        pb, p["checked"], BASE_TS, 1, **{p["field"]: "给您添麻烦了，我们一起看看怎么解决。"}
    )
    return [bad], [good]


KIND = register(
    Kind(
        name="phrases",
        summary={"zh": "消息中不得出现的说法", "en": "phrase match"},
        names="the message",
        belongs_to="its agent (a missing account: `unassigned`)",
        semantics=(
            "Each checked event whose `field` is non-empty is an opportunity; a violation if the "
            "lower-cased field contains any lower-cased phrase as a literal substring (no regular "
            "expressions, so hostile text cannot make matching slow). Detail: the first phrase "
            "in list order that matched."
        ),
        params_schema=params_schema(
            ["checked", "field", "phrases"],
            checked=EVENT_FILTER,
            field={"enum": ["text", "product"]},
            phrases={"type": "array", "items": {"type": "string", "minLength": 2}, "minItems": 1},
        ),
        outcomes=outcomes,
        describe=describe,
        evidence=evidence,
        example=example,
    )
)
