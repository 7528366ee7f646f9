"""Writing shop playbooks and locating lines in them, for the playbook and command tests."""

from __future__ import annotations

from pathlib import Path


def write_playbook(folder: Path, text: str, name: str = "playbook.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def line_of(text: str, needle: str) -> int:
    """1-based line of the only line containing ``needle``."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]
