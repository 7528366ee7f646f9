"""The teaching content of the seed playbook keeps its promises (no build needed): quizzes
that cannot be passed without reading, a why for every rule, taught-only lessons that say why
the audit cannot check them, and no placeholder left unfilled in any generated page."""

from __future__ import annotations

import pytest

from checker.explain import rule_markdown
from checker.handbook import quiz
from checker.handbook.context import Context
from checker.handbook.pages import all_pages
from checker.handbook.unfilled import unfilled
from checker.log.columns import CUSTOMER_COLUMNS
from checker.playbook import load_playbook
from checker.playbook.model import LANGS

SEED = load_playbook()
# Pages of the training path that are reference material rather than lessons: the glossary,
# the counter card, the auditing how-to and the training page itself.
REFERENCE_PAGES = {"glossary", "counter-card", "auditing", "training"}


def _path() -> list[str]:
    days = SEED.data["handbook"]["training"]["days"]
    return list(dict.fromkeys(p for day in days for p in day["pages"]))


def _teaching_pages() -> list[str]:
    return [f"principles/{p}" for p in SEED.principles] + list(quiz.QUIZ_SOURCES)


def test_every_teaching_page_is_in_the_training_path() -> None:
    assert set(_teaching_pages()) <= set(_path())


@pytest.mark.parametrize("page", _path())
def test_every_page_of_the_training_path_has_a_quiz(page: str) -> None:
    if page in REFERENCE_PAGES:
        pytest.skip("reference page, not a lesson")
    assert len(quiz.questions(Context(SEED, "zh"), page)) >= 3


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", _teaching_pages())
def test_quizzes_cannot_be_passed_without_reading(page: str, lang: str) -> None:
    ctx = Context(SEED, lang)
    items = quiz.questions(ctx, page)
    assert len(items) >= 3, page
    longest, positions = 0, set()
    for item in items:
        texts = [ctx.t(o["text"]) for o in item["options"]]
        right = [i for i, o in enumerate(item["options"]) if o.get("correct")]
        assert len(right) == 1, item["question"]
        positions.add(right[0])
        others = [len(t) for i, t in enumerate(texts) if i != right[0]]
        longest += len(texts[right[0]]) > max(others)
        assert ctx.t(item["explanation"]).strip(), item["question"]
        for option in item["options"]:
            if not option.get("correct"):  # why a wrong option is wrong, in both languages
                assert ctx.t(option.get("why", "")).strip(), (page, option["text"])
    assert longest <= len(items) // 3, (page, lang, longest, len(items))
    assert len(positions) > 1, (page, lang, positions)


@pytest.mark.parametrize("lang", LANGS)
def test_a_quiz_block_carries_each_wrong_options_feedback(lang: str) -> None:
    ctx = Context(SEED, lang)
    item = quiz.questions(ctx, "segments")[0]
    block = quiz.block(ctx, item)
    wrong = next(o for o in item["options"] if not o.get("correct"))
    lines = block.splitlines()
    at = lines.index(f"- [ ] {' '.join(ctx.t(wrong['text']).split())}")
    assert lines[at + 1] == f"    > {' '.join(ctx.t(wrong['why']).split())}"


@pytest.mark.parametrize("rule", SEED.all_rules, ids=lambda r: r.id)
@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_says_why_it_serves_its_principle(rule, lang: str) -> None:
    assert rule.why.get(lang, "").strip()
    assert rule.why[lang] in rule_markdown(SEED, rule.id, lang)


def test_complaints_and_agent_accounts_sit_under_respect() -> None:
    """Seeds 000, 002, 003 tie complaint handling to respecting the customer and seed 004 ties
    fixed agent accounts to the service each customer gets; keeping promises is not it."""
    for rule_id in ("service.complaint-resolution", "service.agent-account"):
        assert SEED.rule(rule_id).principle == "respect"


def test_every_customers_file_column_is_described() -> None:
    described = SEED.data["handbook"]["customers_fields"]
    for column in CUSTOMER_COLUMNS:
        if column != "customer_id":
            assert set(described[column]) == set(LANGS), column


TAUGHT_ONLY = {
    "two-and-eight": {"003"},
    "referrals": {"001", "003"},
    "record-cards": {"002", "003", "004"},
    "clearance": {"004"},
    "churn-analysis": {"003"},
}


def test_taught_only_lessons_say_why_and_cite_their_seeds() -> None:
    hb = SEED.data["handbook"]
    found = {
        item["id"]: item
        for section in hb.values()
        if isinstance(section, dict)
        for item in section.get("taught", []) or []
    }
    assert set(TAUGHT_ONLY) <= set(found)
    for item_id, sources in TAUGHT_ONLY.items():
        item = found[item_id]
        assert sources <= set(item["sources"]), item_id
        for lang in LANGS:
            assert item["text"][lang].strip() and item["unchecked"][lang].strip()
            for source in item["sources"]:  # each figure is cited to its seed in the text
                assert source in item["text"][lang] + item["unchecked"][lang], (item_id, source)


def test_the_churn_lesson_points_to_the_audits_churn_analysis() -> None:
    item = next(
        i for i in SEED.data["handbook"]["segments"]["taught"] if i["id"] == "churn-analysis"
    )
    assert "`huitou check`" in item["unchecked"]["en"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_value_example_follows_seed_004(lang: str) -> None:
    """The buyer of two 99-yuan items is the better customer, and the segment rule agrees."""
    example = SEED.data["handbook"]["segments"]["value_example"]["text"][lang]
    better = "第二位才是" if lang == "zh" else "the second is the customer more worth"
    assert better in example
    # the two buyers' average orders: 99 yuan passes the VIP gate, 9.9 yuan does not
    assert 99 >= SEED.data["segments"]["vip"]["min_order_value"] > 9.9


@pytest.mark.parametrize("lang", LANGS)
def test_no_generated_page_leaves_a_placeholder(lang: str) -> None:
    for page in all_pages(Context(SEED, lang)):
        assert unfilled(page.markdown) == [], page.src_uri


def test_unfilled_finds_every_shape_outside_code() -> None:
    text = (
        "## Title {#anchor}\n\nlive {{segments:lookback}} and {segments:vip.top_share} "
        "and a {within}\n\n`{{code:ok}}` and\n\n```\n{within}\n```\n<!-- {{x:y}} -->\n"
    )
    assert unfilled(text) == ["{{segments:lookback}}", "{segments:vip.top_share}", "{within}"]
