"""Real MkDocs builds (strict) of both languages from the playbook."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker.errors import HuitouError
from checker.handbook.build import build_site
from checker.paths import seed_playbook_dir
from checker.playbook import load_playbook
from tests.handbook.conftest import REPO_URL


def _text(path: Path) -> str:
    """Visible-ish text of a built page: tags and the embedded quiz source removed."""
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_both_languages_are_built(site: Path):
    for root, lang in ((site, "zh"), (site / "en", "en")):
        html = (root / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        assert (root / "principles" / "concede" / "index.html").is_file()
        assert (root / "counter-card" / "index.html").is_file()


def test_no_reference_to_fonts_or_scripts_on_other_hosts(site: Path):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="(https?://[^"]+)"', html)
        assert [u for u in external if not u.startswith(REPO_URL)] == [], page


def test_edit_links_point_at_the_playbook_yaml_line(site: Path, playbook_dir: Path):
    playbook = load_playbook(playbook_dir, validate=False)
    file, line = playbook.source_of(("principles", "concede"))
    html = (site / "principles" / "concede" / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'href="([^"]+)"[^>]*class="md-content__button md-icon"', html)
    assert edit is not None
    assert edit.group(1).endswith(f"{Path(file).name}#L{line}")
    assert edit.group(1).startswith(REPO_URL)


def test_hand_written_pages_get_live_values(site: Path, playbook_dir: Path):
    playbook = load_playbook(playbook_dir, validate=False)
    within = playbook.rule("cadence.greeting").params["within"]
    days = int(within.rstrip("d"))
    assert f"{days} 天" in _text(site / "auditing" / "index.html")
    assert "{{" not in _text(site / "en" / "auditing" / "index.html")


def test_chinese_search_index_is_segmented(site: Path):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]  # words are split at U+200B
    concede = [d for d in index["docs"] if d["location"].startswith("principles/concede/")]
    words = {w for d in concede for w in re.split(r"[\u200b\s]+", d["title"] + " " + d["text"])}
    assert "让步" in words


def test_a_broken_placeholder_fails_the_build(tmp_path: Path, playbook_dir: Path):
    shop = tmp_path / "shop"
    shop.mkdir()
    (shop / "playbook.yaml").write_text(
        f"extends: {playbook_dir}\n"
        "principles:\n  concede:\n    meaning: {zh: '{{cadence.greeting:nope}}', en: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(HuitouError):
        build_site(tmp_path / "site", shop)


@pytest.fixture(scope="module")
def site_3d(tmp_path_factory: pytest.TempPathFactory, playbook_dir: Path) -> Path:
    """A shop playbook that only moves the greeting window from the seed's value to 3 days."""
    seed = load_playbook(seed_playbook_dir(), validate=False)
    assert seed.rule("cadence.greeting").params["within"] != "3d"
    shop = tmp_path_factory.mktemp("shop")
    base = "seed" if playbook_dir == seed_playbook_dir() else str(playbook_dir)
    (shop / "playbook.yaml").write_text(
        f"extends: {base}\nrules:\n  cadence.greeting:\n    params: {{within: 3d}}\n",
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("handbook3d") / "site"
    build_site(out, shop)
    return out


def _section(html: str, anchor: str) -> str:
    """The text of the ``<h2 id=anchor>`` section of a built page."""
    start = html.index(f'<h2 id="{anchor}"')
    end = html.find("<h2 ", start + 1)
    return _text_of(html[start : end if end > 0 else None])


def _text_of(html: str) -> str:
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _quizzes(html: str) -> list[str]:
    return [_text_of(q) for q in re.findall(r'<div class="quiz".*?</section>', html, re.S)]


def _assert_follows(base: str, changed: str, new: str, stale: str, where: str) -> None:
    """Every mention of the old window became the new one; nothing else changed in number."""
    assert changed.count(new) > base.count(new), (where, changed)
    assert changed.count(new) - base.count(new) == base.count(stale) - changed.count(stale), (
        where,
        base,
        changed,
    )


def _html(root: Path, page: str) -> str:
    return (root / page / "index.html").read_text(encoding="utf-8")


def test_threshold_change_reaches_every_page(site: Path, site_3d: Path, playbook_dir: Path):
    playbook = load_playbook(playbook_dir, validate=False)
    step = next(
        s
        for s in playbook.data["handbook"]["cadence"]["steps"]
        if s.get("rule") == "cadence.greeting"
    )
    old = playbook.rule("cadence.greeting").params["within"].rstrip("d")
    placeholder = "{{cadence.greeting:within}}"
    for sub, lang, new, stale in (
        ("", "zh", "3 天", f"{old} 天"),
        ("en", "en", "3 days", f"{old} days"),
    ):
        base, changed = site / sub, site_3d / sub
        _assert_follows(
            _section(_html(base, "cadence"), step["id"]),
            _section(_html(changed, "cadence"), step["id"]),
            new,
            stale,
            "cadence",
        )
        _assert_follows(
            _section(_html(base, "rules"), "rule-cadence-greeting"),
            _section(_html(changed, "rules"), "rule-cadence-greeting"),
            new,
            stale,
            "rules",
        )
        row = re.compile(rf"<tr>\s*<td>{re.escape(step['title'][lang])}</td>.*?</tr>", re.S)
        _assert_follows(
            _text_of(row.search(_html(base, "counter-card")).group(0)),
            _text_of(row.search(_html(changed, "counter-card")).group(0)),
            new,
            stale,
            "counter card",
        )
        citing = 0
        for pid, principle in playbook.principles.items():
            for i, quiz in enumerate(principle.get("quiz", [])):
                if placeholder in json.dumps(quiz, ensure_ascii=False):
                    page = f"principles/{pid}"
                    _assert_follows(
                        _quizzes(_html(base, page))[i],
                        _quizzes(_html(changed, page))[i],
                        new,
                        stale,
                        f"quiz {pid}",
                    )
                    citing += 1
        assert citing, "no quiz answer cites the greeting window"


LEFTOVER = re.compile(r"\{\{[^{}]*\}\}|\{\s*[A-Za-z0-9_.\-]+:[A-Za-z0-9_.\-]+\s*\}|\{[a-z_]+\}")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_no_placeholder_is_left_on_any_built_page(site: Path):
    left = {}
    for page in _pages(site):
        found = LEFTOVER.findall(_text(page))
        if found:
            left[str(page.relative_to(site))] = found
    assert left == {}
    assert len(_pages(site)) > 30  # both languages were searched


def test_segments_page_fills_every_segment_value(site: Path, playbook_dir: Path):
    playbook = load_playbook(playbook_dir, validate=False)
    lookback = int(playbook.data["segments"]["lookback"].rstrip("d"))
    for sub, words in (("", f"{lookback} 天"), ("en", f"{lookback} days")):
        text = _text(site / sub / "segments" / "index.html")
        assert words in text
        assert "segments:" not in text


def test_headings_are_not_printed_twice(site: Path):
    twice = {}
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article") : html.find("</article>")]
        heads = [
            _text_of(h).replace("¶", "").strip()
            for h in re.findall(r"<h[1-3][^>]*>.*?</h[1-3]>", article, re.S)
        ]
        titles = re.findall(r'<p class="admonition-title">(.*?)</p>', article, re.S)
        titles = [_text_of(t).strip() for t in titles]
        repeated = {h for h in heads if heads.count(h) > 1 or h in titles}
        if repeated:
            twice[str(page.relative_to(site))] = repeated
    assert twice == {}


def test_only_pages_with_a_quiz_show_quiz_progress(site: Path):
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        has_quiz = '<div class="quiz"' in html
        assert ('id="quiz-progress-sidebar"' in html) == has_quiz, page
    assert "Answered 0 / 0" not in _text(site / "en" / "auditing" / "index.html")


def test_rule_entries_show_their_why_and_severity_once(site: Path, playbook_dir: Path):
    playbook = load_playbook(playbook_dir, validate=False)
    html = (site / "en" / "rules" / "index.html").read_text(encoding="utf-8")
    text = _text_of(html)
    assert "warning (warning)" not in text
    assert "has a agent_id" not in text
    for rule in playbook.rules:
        assert html.count(f'id="rule-{rule.id.replace(".", "-")}"') == 1
        assert " ".join(rule.why["en"].split()) in text.replace("&quot;", '"'), rule.id


def test_chinese_search_index_is_segmented_with_jieba(site: Path):
    """jieba ran at build time: Chinese text is stored with U+200B between words, and the
    words the training leans on are whole tokens."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    assert text.count("\u200b") > 1000
    words = set(re.split(r"[\u200b\s，。；：、（）]+", text))
    assert {"投诉", "生日", "价格"} <= words


def test_an_unfilled_placeholder_fails_the_build_naming_page_and_text(
    tmp_path: Path, playbook_dir: Path
):
    """A single-brace leftover (what str.format makes of a doubled one) is not a lookup, so only
    the unfilled check can catch it."""
    shop = tmp_path / "shop"
    shop.mkdir()
    (shop / "playbook.yaml").write_text(
        f"extends: {playbook_dir}\n"
        "handbook:\n  segments:\n    lookback: {zh: '按 {segments:lookback} 计算', en: x}\n",
        encoding="utf-8",
    )
    with pytest.raises(HuitouError) as caught:
        build_site(tmp_path / "site", shop)
    message = str(caught.value)
    assert "segments.md" in message
    assert "{segments:lookback}" in message
