"""The README's rule-kind reference is the registry's own words (sqlfluff-style: a kind that
does not document itself, or a README that drifted from the registry, fails here)."""

from __future__ import annotations

import pytest

from checker.engine import kind_reference
from checker.engine.kind_reference import END, START, markdown, replaced
from checker.engine.registry import kinds


def test_the_readme_block_is_what_the_registry_says() -> None:
    text = kind_reference.README.read_text(encoding="utf-8")
    assert replaced(text) == text, "run: python -m checker.engine.kind_reference"
    assert kind_reference.main(["--check"]) == 0


@pytest.mark.parametrize("name", sorted(kinds()))
def test_every_kind_documents_itself(name: str) -> None:
    kind = kinds()[name]
    for field in (kind.summary["zh"], kind.summary["en"], kind.names, kind.belongs_to):
        assert field.strip(), name
    assert len(kind.semantics) > 40, name
    block = markdown()
    assert f"| `{name}` | {kind.summary['en']} |" in block
    assert f"- **`{name}`**: {kind.semantics}" in block


def test_every_parameter_is_listed_and_optional_ones_bracketed() -> None:
    block = markdown()
    row = next(line for line in block.splitlines() if line.startswith("| `follow_up` |"))
    assert "`trigger` `expect` `within` [`min_gap`]" in row


def test_a_stale_block_is_rewritten_and_the_rest_kept() -> None:
    stale = f"intro\n{START}\n| `old_kind` | gone |\n{END}\noutro\n"
    fresh = replaced(stale)
    assert fresh.startswith("intro\n") and fresh.endswith(f"{END}\noutro\n")
    assert "old_kind" not in fresh and "`agent_quota`" in fresh


def test_a_readme_without_the_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="kinds:start"):
        replaced("no block here")
