"""The page: the template (Jinja2, autoescaped) filled from the JSON report's document and
the model's playbook texts; charts inlined as SVG, the sorting script allowed by its hash."""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from checker.report.html import charts
from checker.report.html.drilldown import drilldown
from checker.report.html.page import cards, drawn, headline, principle_rows, rule_rows
from checker.report.html.words import words_for
from checker.report.lines import NONE, one_line
from checker.report.model import AuditReport

TEMPLATES = Path(__file__).parent / "templates"

LAPSED_LISTED = 50  # lapsed customers listed on the page (the JSON report lists more)


def _pct(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.1f}%"


def _num(value: int | None) -> str:
    return NONE if value is None else f"{value:,}"


def _money(value: float | None) -> str:
    return NONE if value is None else f"{value:,.2f}"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(pct=_pct, num=_num, money=_money, clean=one_line)
    return env


@cache
def _script() -> tuple[Markup, str]:
    """The sorting script and its CSP source (``sha256-...``): no other script can run."""
    text = (TEMPLATES / "sort.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"sha256-{digest}"


def _lapsed(churn: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The churn section's customers (at most ``LAPSED_LISTED``), each reason and segment by
    its title."""
    if not churn:
        return []
    titles = {r["id"]: r.get("title") or r["id"] for r in churn.get("reasons") or []}
    segments = {s["segment"]: s.get("title") for s in churn.get("by_segment") or []}
    return [
        {
            **c,
            "reason_titles": [titles.get(r, r) for r in c.get("reasons") or []],
            "segment_title": segments.get(c.get("segment")) or c.get("segment"),
        }
        for c in (churn.get("customers") or [])[:LAPSED_LISTED]
    ]


def html_page(doc: dict[str, Any], report: AuditReport) -> str:
    """The page of ``doc`` (the JSON report's document: `checker.report.document.head`, with
    any optional section) for ``report`` (its findings, titles and rule texts)."""
    words = words_for(doc["lang"])
    principles = principle_rows(doc, report.principles)
    rules = rule_rows(doc, principles)
    script, script_hash = _script()
    drill = drilldown(report, doc["summary"])
    context = {
        "lang": doc["lang"],
        "w": words,
        "doc": doc,
        "font": charts.FONT,
        "top": headline(doc),
        "principles": principles,
        "rules": rules,
        "never_applied": sum(1 for r in rules if r["compliance"] is None),
        "baseline_rules": (doc.get("baseline") or {}).get("rules") or {},
        "agents": cards(doc, "agents"),
        "channels": cards(doc, "channels"),
        "lapsed": _lapsed(doc.get("churn")),
        "cap": LAPSED_LISTED,
        "charts": {name: Markup(svg) for name, svg in drawn(doc, principles, words).items()},
        "drill": drill,
        "drilled": {r["id"] for r in drill},
        "script": script,
        "script_hash": script_hash,
    }
    return _environment().get_template("report.html.j2").render(context)
