"""The plugin's typed config and the page generators, without an MkDocs build."""

from __future__ import annotations

import re

import pytest

from checker.handbook.context import Context
from checker.handbook.i18n import UI
from checker.handbook.pages import all_pages
from checker.handbook.plugin import HuitouPlugin
from checker.playbook import load_playbook
from tests.handbook.conftest import FIXTURE_PLAYBOOK, teaching_playbook


def _errors(options: dict) -> list[str]:
    errors, _warnings = HuitouPlugin().load_config(options, config_file_path=__file__)
    return [f"{key}: {err}" for key, err in errors]


def test_defaults_are_valid():
    assert _errors({}) == []


def test_existing_playbook_folder_is_accepted():
    assert _errors({"playbook": str(FIXTURE_PLAYBOOK), "lang": "en"}) == []


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ({"lang": "fr"}, "lang"),
        ({"playbook": "no/such/playbook"}, "playbook"),
        ({"nav": "yes please"}, "nav"),
        ({"colour": "red"}, None),
    ],
)
def test_bad_options_are_reported(options, key):
    plugin = HuitouPlugin()
    errors, warnings = plugin.load_config(options, config_file_path=__file__)
    if key is None:  # unknown options are warnings, which strict builds turn into failures
        assert [k for k, _ in warnings] == ["colour"]
    else:
        assert [k for k, _ in errors] == [key]


def test_every_ui_string_has_both_languages():
    missing = [k for k, v in UI.items() if set(v) != {"zh", "en"}]
    assert missing == []


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(teaching_playbook(), validate=False)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_page_per_principle_and_no_placeholder_left(playbook, lang):
    pages = {p.src_uri: p.markdown for p in all_pages(Context(playbook, lang))}
    principle_pages = sorted(u for u in pages if u.startswith("principles/"))
    assert principle_pages == sorted(f"principles/{p}.md" for p in playbook.principles)
    leftovers = {u: re.findall(r"\{\{[^}]*\}\}", md) for u, md in pages.items()}
    assert {u: found for u, found in leftovers.items() if found} == {}


def test_each_quiz_marks_exactly_one_correct_option(playbook):
    for page in all_pages(Context(playbook, "zh")):
        for block in re.findall(r"<quiz>(.*?)</quiz>", page.markdown, re.S):
            assert len(re.findall(r"^- \[x\]", block, re.M)) == 1, block


def test_rule_reference_has_one_entry_per_enabled_rule(playbook):
    pages = {p.src_uri: p.markdown for p in all_pages(Context(playbook, "en"))}
    anchors = re.findall(r"\{#rule-([a-z0-9-]+)\}", pages["rules.md"])
    assert anchors == [r.id.replace(".", "-") for r in playbook.rules]
