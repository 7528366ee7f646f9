"""Placeholders left unfilled in a page's Markdown: the build fails on any of them.

Three shapes can leak: a live ``{{SECTION:PATH}}`` that was not looked up, the same with
single braces (what ``str.format`` leaves of a doubled one), and a rule message's own
``{param}`` the rule does not have. Code blocks and inline code are skipped: they may show
placeholders on purpose (the auditing page explains them).
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
LEFTOVER = re.compile(
    r"\{\{[^{}\n]*\}\}"  # {{anything}}
    r"|\{\s*[A-Za-z0-9_.\-]+:[A-Za-z0-9_.\-]+\s*\}"  # {section:path}
    r"|\{[a-z_]+\}"  # {param}
)


def unfilled(markdown: str) -> list[str]:
    """Every placeholder-looking text outside code, in order of appearance (duplicates kept
    once)."""
    prose = INLINE_CODE.sub("", FENCE.sub("", HTML_COMMENT.sub("", markdown)))
    found: list[str] = []
    for m in LEFTOVER.finditer(prose):
        if m.group(0) not in found:
            found.append(m.group(0))
    return found
