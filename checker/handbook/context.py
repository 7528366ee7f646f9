"""What every page generator gets: the playbook, the language and small Markdown helpers."""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from typing import Any

from checker.handbook.i18n import UI
from checker.playbook import Playbook, Rule
from checker.playbook.positions import JsonPath
from checker.playbook.text import fill, fill_params, flat_params, humanize_value

# Page ids (used in the playbook's training path) and the Markdown file each one becomes.
PAGE_FILES = {
    "why": "index.md",
    "cadence": "cadence.md",
    "complaints": "complaints.md",
    "segments": "segments.md",
    "contact-policy": "contact-policy.md",
    "rules": "rules.md",
    "auditing": "auditing.md",
    "training": "training.md",
    "counter-card": "counter-card.md",
    "glossary": "glossary.md",
}


@dataclass(frozen=True)
class GeneratedPage:
    """One Markdown page made from the playbook, with the playbook path it was made from."""

    src_uri: str
    markdown: str
    source: JsonPath


@dataclass(frozen=True)
class Context:
    playbook: Playbook
    lang: str

    @property
    def data(self) -> dict[str, Any]:
        return self.playbook.data

    @property
    def handbook(self) -> dict[str, Any]:
        return self.data.get("handbook", {})

    def t(self, text: Any) -> str:
        """A bilingual ``{zh, en}`` value in this language with live thresholds filled in."""
        if isinstance(text, dict):
            text = text.get(self.lang) or text.get("zh") or ""
        return fill(str(text), self.data, self.lang)

    def ui(self, key: str, **values: Any) -> str:
        """Site wording (headings, labels) that is not playbook data."""
        return fill(UI[key][self.lang], self.data, self.lang).format(**values)

    def esc(self, text: Any) -> str:
        return html.escape(self.t(text), quote=True)

    def principle_ids(self) -> list[str]:
        return sorted(self.playbook.principles, key=lambda p: self.playbook.principles[p]["order"])

    def page_file(self, page_id: str) -> str:
        if page_id.startswith("principles/"):
            return f"{page_id}.md"
        return PAGE_FILES[page_id]

    def link(self, from_uri: str, page_id: str, anchor: str = "") -> str:
        """A relative Markdown link target from one page file to a page id (and anchor)."""
        target = posixpath.relpath(self.page_file(page_id), posixpath.dirname(from_uri) or ".")
        return f"{target}#{anchor}" if anchor else target

    def rule_link(self, from_uri: str, rule_id: str) -> str:
        return f"[`{rule_id}`]({self.link(from_uri, 'rules', rule_anchor(rule_id))})"

    def rule_message(self, rule: Rule) -> str:
        return fill_params(rule.message[self.lang], rule.params, self.lang)

    def limit(self, rule_id: str | None, name: str = "within") -> str | None:
        """A rule's humanized parameter (``2 天``), or None when there is no such rule/param."""
        if not rule_id:
            return None
        try:
            params = flat_params(self.playbook.rule(rule_id).params)
        except KeyError:
            return None
        return humanize_value(params[name], self.lang, name) if name in params else None


def rule_anchor(rule_id: str) -> str:
    return "rule-" + rule_id.replace(".", "-")


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must not contain ``|`` or newlines (they are escaped)."""

    def cell(value: str) -> str:
        return value.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
