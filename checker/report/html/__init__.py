"""The HTML audit report (``--format html``): one self-contained page, drawn from the same
document as the JSON report (`checker.report.document`), with charts, sortable scorecards and
each rule's findings (``--show`` per rule, by default `checker.report.model.HTML_SHOW`)."""

from __future__ import annotations

from checker.report.document import head
from checker.report.html.view import html_page
from checker.report.model import AuditReport

ENCODING = "utf-8"


def render(report: AuditReport) -> str:
    return html_page(head(report), report)
