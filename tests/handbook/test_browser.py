"""The built handbook in a real headless Chromium, served on 127.0.0.1, every other host blocked."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checker.handbook.nav import ORDER

pytestmark = pytest.mark.browser
SERIOUS = {"serious", "critical"}
PAGES = [
    "",
    "cadence/",
    "complaints/",
    "segments/",
    "contact-policy/",
    "rules/",
    "auditing/",
    "training/",
    "counter-card/",
    "glossary/",
]


def _all_pages(site: Path) -> list[str]:
    found = [
        p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if "search" not in p.parts and "assets" not in p.parts
    ]
    return sorted("" if f == "./" else f for f in found)


def test_site_pages_match_the_expected_set(site: Path):
    zh = [p for p in _all_pages(site) if not p.startswith("en/")]
    assert len(zh) == len(ORDER) - 1 + 6  # the principles section holds six pages
    assert set(PAGES) <= set(zh)


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_is_clean_and_accessible(tab, site: Path, axe, prefix: str):
    pages = [p for p in _all_pages(site) if p.startswith("en/") == (prefix == "en/")]
    problems: dict[str, list[str]] = {}
    for path in pages:
        page = tab.open(path)
        results = axe.run(page)
        bad = [v["id"] for v in results.response["violations"] if v["impact"] in SERIOUS]
        if bad or tab.errors:
            problems[path] = bad + tab.errors
        tab.errors.clear()
    assert problems == {}


def test_nav_shows_the_six_principles(tab, playbook_dir):
    from checker.playbook import load_playbook

    playbook = load_playbook(playbook_dir, validate=False)
    page = tab.open("")
    nav = page.locator("nav.md-nav--primary").inner_text()
    for principle in playbook.principles.values():
        assert principle["title"]["zh"] in nav


# Results that show the whole query (a search of its first characters typed does not count).
SHOWN = (
    "q => document.querySelector('.md-search-result__item') !== null && "
    "document.querySelector('.md-search-result').innerText.replaceAll('\\u200b', '').includes(q)"
)


def _search(tab, query: str) -> tuple[list[str], str]:
    """Type ``query`` into the search box of the home page: (the results' links, their text).
    The search worker may still be indexing when the page shows; each keystroke searches
    again, so the last character is typed again until the results show the whole query."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = tab.page
    with page.expect_response(lambda r: r.url.endswith("search/search_index.json")):
        tab.open("")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(query)
    for _ in range(80):
        try:
            page.wait_for_function(SHOWN, arg=query, timeout=250)
            break
        except PlaywrightTimeout:
            box.press("Backspace")
            box.press_sequentially(query[-1])
    links = [a.get_attribute("href") or "" for a in page.locator(".md-search-result__item a").all()]
    return links, page.locator(".md-search-result").inner_text().replace("\u200b", "")


def test_chinese_search_finds_the_concede_page(tab):
    links, texts = _search(tab, "让步")
    assert any("principles/concede/" in href for href in links), (links, texts)
    assert "让步" in texts


@pytest.mark.parametrize(
    ("path", "diagram"),
    [
        ("cadence/", "cadence-timeline"),
        ("complaints/", "complaint-flow"),
        ("en/cadence/", "cadence-timeline"),
        ("en/complaints/", "complaint-flow"),
    ],
)
def test_diagrams_render(tab, path, diagram):
    page = tab.open(path)
    svg = page.locator(f"svg#{diagram}")
    box = svg.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    assert svg.get_attribute("role") == "img"
    assert page.locator(f"svg#{diagram} text").count() >= 4
    title = page.locator(f"svg#{diagram} title").text_content() or ""
    assert re.search(r"[\u4e00-\u9fff]", title) if not path.startswith("en/") else title.isascii()


@pytest.mark.parametrize("path", ["principles/concede/", "en/principles/concede/"])
def test_a_quiz_answers(tab, path):
    page = tab.open(path)
    quiz = page.locator("div.quiz").first
    quiz.locator("input[data-correct='true']").check()
    feedback = quiz.locator(".quiz-feedback")
    feedback.wait_for(state="visible", timeout=5000)
    assert "hidden" not in (quiz.locator("section.content").get_attribute("class") or "")
    assert feedback.inner_text().strip()


@pytest.mark.parametrize(
    ("start", "target", "name"),
    [
        ("principles/concede/", "en/principles/concede/", "English"),
        ("en/rules/", "rules/", "中文"),
    ],
)
def test_language_switch_lands_on_the_same_page(tab, start, target, name):
    page = tab.open(start)
    page.locator(".md-header__option .md-select button").hover()
    page.locator(".md-select__link", has_text=name).click()
    page.wait_for_url(tab.base_url + target)
    assert page.url == tab.base_url + target


def test_counter_card_prints_on_one_a4_page(tab):
    page = tab.open("counter-card/")
    pdf = page.pdf(format="A4", print_background=True)
    pages = re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)
    assert len(pages) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("投诉", {"complaints/"}),
        ("生日", {"cadence/"}),
        ("价格保护", {"rules/", "principles/considerate/"}),
    ],
)
def test_chinese_queries_find_their_pages(tab, query, expected):
    links, texts = _search(tab, query)
    paths = [urlsplit(href).path for href in links]
    assert any(path.endswith(tuple(expected)) for path in paths), (links, texts)
    assert query in texts


def test_quiz_answers_persist_and_the_training_page_counts_them(tab, playbook_dir):
    from checker.handbook.context import Context
    from checker.playbook import load_playbook

    ctx = Context(load_playbook(playbook_dir, validate=False), "zh")
    item = ctx.playbook.principles["respect"]["quiz"][1]
    why = ctx.t(next(o for o in item["options"] if not o.get("correct"))["why"])
    page = tab.open("principles/respect/")
    first = page.locator("div.quiz").first
    first.locator("input[data-correct='true']").check()
    first.locator(".quiz-feedback").wait_for(state="visible", timeout=5000)
    second = page.locator("div.quiz").nth(1)
    second.locator("input[name='answer']:not([data-correct='true'])").first.check()
    second.locator(".quiz-feedback").wait_for(state="visible", timeout=5000)
    # the wrong option's own feedback says why it is wrong
    assert " ".join(why.split()) in second.locator(".quiz-feedback").inner_text()
    tab.open("cadence/")
    page = tab.open("principles/respect/")  # back on the page: the answers are restored
    assert page.locator("div.quiz").first.locator("input[data-correct='true']").is_checked()
    page = tab.open("training/")
    progress = page.locator(".hh-progress[data-ready='true']")
    progress.wait_for(state="attached", timeout=5000)
    assert progress.locator(".hh-answered-sum").inner_text() == "2"
    assert progress.locator(".hh-correct-sum").inner_text() == "1"
    row = progress.locator("tr", has=page.locator("a[href$='principles/respect/']"))
    assert row.locator(".hh-answered").inner_text() == "2"
