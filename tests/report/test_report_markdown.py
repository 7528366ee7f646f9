"""Markdown for job summaries, and the text report's examples per rule (``--show``)."""

from __future__ import annotations

import dataclasses

from checker.report import markdown, text
from checker.report.model import AuditReport


def _many(report: AuditReport, n: int) -> AuditReport:
    """The first finding repeated ``n`` times, each with its own place."""
    first = report.findings[0]
    return dataclasses.replace(
        report, findings=[dataclasses.replace(first, line=i + 1) for i in range(n)]
    )


def test_hostile_text_cannot_break_the_table_or_inject_html(report: AuditReport):
    bad = dataclasses.replace(
        report.findings[0], message="a | b\n| c", evidence="<script>x</script> `code`"
    )
    out = markdown.render(dataclasses.replace(report, findings=[bad]))
    row = next(line for line in out.splitlines() if "a \\| b" in line)
    assert row.count(" | ") == 3  # four cells, the pipes in the text escaped
    assert "<script>" not in out and "&lt;script&gt;" in out and "`code`" not in out


def test_at_most_show_findings_per_rule_then_how_many_more(report: AuditReport):
    many = dataclasses.replace(_many(report, 12), show=5, lang="en")
    out = markdown.render(many)
    assert out.count("| violation |") == 5
    assert "7 more not listed" in out
    words = text.render(many)
    assert words.count(report.findings[0].message) == 5
    assert "... 7 more not shown (--show all" in words
    everything = text.render(dataclasses.replace(many, show=None))
    assert everything.count(report.findings[0].message) == 12 and "more not shown" not in everything
    none = text.render(dataclasses.replace(many, show=0))
    assert report.findings[0].message not in none and "12 more not shown" in none
