"""The JSON Schemas are published with the handbook (both languages) and linked from a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.paths import schema_dir

SCHEMAS = sorted(p.name for p in schema_dir().glob("*.schema.json"))


@pytest.mark.parametrize("lang_dir", ["", "en"])
def test_the_schemas_are_copied_into_the_site(site: Path, lang_dir: str) -> None:
    assert "playbook-file.schema.json" in SCHEMAS
    for name in SCHEMAS:
        published = site / lang_dir / "schema" / name
        assert published.read_bytes() == (schema_dir() / name).read_bytes()


@pytest.mark.parametrize("lang_dir", ["", "en"])
def test_the_auditing_page_links_every_schema(site: Path, lang_dir: str) -> None:
    html = (site / lang_dir / "auditing" / "index.html").read_text(encoding="utf-8")
    for name in SCHEMAS:
        assert f'href="../schema/{name}"' in html, name
    assert "yaml-language-server" in html
