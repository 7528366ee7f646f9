"""Live playbook values inside prose: ``{{cadence.greeting:within}}`` -> ``2 天`` / ``2 days``.

Teaching texts, quiz answers and templates cite thresholds through placeholders so a change in
the YAML changes every sentence that mentions it. A placeholder is ``{{SECTION:PATH}}`` where
SECTION is a rule id (PATH is inside its ``params``; the last key alone is enough when unique)
or a top-level playbook key such as ``segments`` (PATH is dotted inside it).
Rule messages use the single-brace form ``{within}`` for their own parameters.
Nothing is evaluated: placeholders are looked up, never executed.
"""

from __future__ import annotations

import re
from typing import Any

from checker.durations import DURATION_PATTERN, describe

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_.\-]+):([A-Za-z0-9_.\-]+)\s*\}\}")
PARAM = re.compile(r"\{([a-z_]+)\}")
_DURATION = re.compile(DURATION_PATTERN)


def humanize_value(value: Any, lang: str, key: str = "") -> str:
    """A playbook value as a reader sees it: durations, shares, lists of events."""
    if isinstance(value, bool):
        return {"zh": "是" if value else "否", "en": "yes" if value else "no"}[lang]
    if isinstance(value, str) and _DURATION.match(value.strip()):
        return describe(value, lang)
    if isinstance(value, float) and key.endswith("share"):
        return f"{value * 100:g}%"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ("、" if lang == "zh" else ", ").join(humanize_value(v, lang) for v in value)
    return str(value)


def flat_params(params: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Every leaf of ``params`` by dotted path and, when unambiguous, by its last key."""
    dotted: dict[str, Any] = {}

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{path}.{k}" if path else k)
        else:
            dotted[path] = node

    walk(params, prefix)
    short: dict[str, list[Any]] = {}
    for path, value in dotted.items():
        short.setdefault(path.rsplit(".", 1)[-1], []).append(value)
    out = {k: v[0] for k, v in short.items() if len(v) == 1}
    out.update(dotted)
    return out


def lookup(data: dict[str, Any], section: str, path: str) -> Any:
    """Resolve one placeholder against a merged playbook document; KeyError if unknown."""
    rules = data.get("rules", {})
    if section in rules:
        return flat_params(rules[section].get("params", {}))[path]
    node: Any = data[section]
    for part in path.split("."):
        node = node[part]
    return node


def fill(text: str, data: dict[str, Any], lang: str) -> str:
    """Replace every ``{{SECTION:PATH}}`` in ``text`` with its live, humanized value."""

    def repl(m: re.Match[str]) -> str:
        key = m.group(2).rsplit(".", 1)[-1]
        return humanize_value(lookup(data, m.group(1), m.group(2)), lang, key)

    return PLACEHOLDER.sub(repl, text)


def fill_params(template: str, params: dict[str, Any], lang: str) -> str:
    """Replace ``{name}`` with the rule's own parameter ``name`` (humanized)."""
    flat = flat_params(params)

    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        return humanize_value(flat[name], lang, name) if name in flat else m.group(0)

    return PARAM.sub(repl, template)


def unknown_placeholders(text: str, data: dict[str, Any]) -> list[str]:
    """Placeholders in ``text`` that do not resolve (for ``huitou lint``)."""
    bad = []
    for m in PLACEHOLDER.finditer(text):
        try:
            lookup(data, m.group(1), m.group(2))
        except (KeyError, TypeError):
            bad.append(m.group(0))
    return bad
