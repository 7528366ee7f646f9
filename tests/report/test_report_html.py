"""The HTML report's page as text: escaping of hostile log values, the per-rule cap, the
report's language, nothing fetched from anywhere, the one script allowed by its hash."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from pathlib import Path

import pytest

from checker.cli import main
from checker.report.html import render
from checker.report.html.view import html_page
from checker.report.model import AuditReport, FindingTable
from checker.report.show import HTML_SHOW
from checker.scorecards.model import Scorecards
from tests.report.html_sections import with_sections

HOSTILE = "<script>alert(1)</script>"


def _hostile(report: AuditReport) -> AuditReport:
    first = report.findings[0]
    evil = dataclasses.replace(
        first, evidence=f"“{HOSTILE}”", customer_id=HOSTILE, agent_id='"><img src=x>'
    )
    cards = report.scorecards
    assert cards is not None
    agent = dataclasses.replace(cards.agents[0], who=HOSTILE)
    return dataclasses.replace(
        report,
        findings=FindingTable.of([evil, *list(report.findings)[1:]]),
        scorecards=Scorecards([agent, *cards.agents[1:]], cards.channels),
    )


def test_log_values_are_escaped_everywhere(report: AuditReport) -> None:
    page = render(_hostile(report))
    assert page.count("<script") == 1  # the page's own sorting script, nothing else
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # in the tables
    chart = re.search(r'data-chart="agents">(.*?)</figure>', page, re.S)
    assert chart is not None and "&lt;script&gt;" in chart.group(1)  # Vega's SVG escapes too


def test_the_only_script_is_allowed_by_its_hash(report: AuditReport) -> None:
    page = render(report)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    assert f"script-src 'sha256-{digest}'" in policy.group(1)


def test_nothing_is_loaded_from_anywhere(report: AuditReport) -> None:
    page = html_page(with_sections(report), report)
    sources = re.findall(r'\s(?:src|href)="([^"]*)"', page)
    loaded = [s for s in sources if not s.startswith(("#", "data:"))]
    # The only addresses are the rules' handbook entries, links a reader may follow.
    assert loaded and all(s.startswith("https://shop.example/handbook/rules/#") for s in loaded)
    assert '<link rel="stylesheet"' not in page and "@import" not in page and "url(" not in page


def _greeting_block(report: AuditReport, findings: int, show: int | None) -> str:
    first = report.findings[0]
    many = [dataclasses.replace(first, evidence=f"e{i:03}") for i in range(findings)]
    page = render(dataclasses.replace(report, findings=FindingTable.of(many), show=show))
    block = re.search(r'<details id="rule-cadence.greeting".*?</details>', page, re.S)
    assert block is not None
    return block.group(0)


def test_findings_per_rule_are_capped(report: AuditReport) -> None:
    block = _greeting_block(report, HTML_SHOW + 70, HTML_SHOW)
    assert block.count("<tr>") == HTML_SHOW + 1  # the header row and HTML_SHOW findings
    assert 'data-hidden="70"' in block and "还有 70 条未列出" in block
    assert "e049" in block and "e050" not in block


@pytest.mark.parametrize(("show", "listed"), [(3, 3), (None, 120), (0, 0)])
def test_show_sets_the_findings_listed(report: AuditReport, show: int | None, listed: int) -> None:
    block = _greeting_block(report, 120, show)
    assert block.count("<tr>") - 1 == listed
    assert f'data-hidden="{120 - listed}"' in block or listed == 120


@pytest.mark.parametrize(("args", "listed"), [([], HTML_SHOW), (["--show", "2"], 2)])
def test_the_cli_lists_show_or_the_html_default(
    tmp_path: Path, args: list[str], listed: int
) -> None:
    """``--show`` applies to the page; without it the page lists `HTML_SHOW`, not the text
    report's 5 (the demo's greeting rule has more than that)."""
    out = tmp_path / "audit.html"
    demo = Path(__file__).resolve().parents[2] / "examples" / "demo"
    common = ["check", str(demo / "events.csv"), "--customers", str(demo / "customers.csv")]
    assert main([*common, "--format", "html", "-o", str(out), "--fail-on", "never", *args]) == 0
    page = out.read_text(encoding="utf-8")
    counts = [
        b.count("<tr>") - 1 for b in re.findall(r"<details id=\"rule-.*?</details>", page, re.S)
    ]
    assert counts and max(counts) == listed


def test_english_report_is_in_english(report: AuditReport) -> None:
    page = render(dataclasses.replace(report, lang="en"))
    assert '<html lang="en">' in page and "Huitou service audit" in page
    assert "Agent scorecards" in page and "回头客服务审计报告" not in page


def _without_sections(report: AuditReport) -> AuditReport:
    return dataclasses.replace(report, trends=None, history=None, churn=None)


def test_sections_absent_from_the_document_are_omitted(report: AuditReport) -> None:
    plain = render(_without_sections(report))
    assert 'id="weekly"' not in plain and 'id="history"' not in plain and 'id="churn"' not in plain
    full = html_page(with_sections(report), report)
    for section in ("weekly", "history", "churn"):
        assert f'<section id="{section}">' in full
    assert "投诉未按时解决" in full and "&lt;script&gt;alert(1)&lt;/script&gt;" in full


def test_hostile_log_values_in_a_real_audit_are_escaped(tmp_path: Path) -> None:
    """A staff account and (shown with --reveal-ids) a customer id that are markup: they
    reach the findings, the scorecard table and the agents' chart, always as text."""
    log = tmp_path / "log.csv"
    who = '"<b>kf</b>"'  # a quoted CSV value: <b>kf</b>
    log.write_text(
        "event_id,ts,customer_id,event,channel,agent_id,text\n"
        f'e1,2025-03-03 10:00:00,"{HOSTILE}",complaint,im,{who},\n'
        f'e2,2025-03-03 10:05:00,"{HOSTILE}",complaint_ack,im,{who},这是你自己的问题\n',
        encoding="utf-8",
    )
    out = tmp_path / "audit.html"
    args = ["check", str(log), "--format", "html", "-o", str(out), "--reveal-ids"]
    assert main([*args, "--fail-on", "never"]) == 0
    page = out.read_text(encoding="utf-8")
    assert 'data-rule="respect.no-blame"' in page
    assert page.count("<script") == 1 and "<b>" not in page
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in page  # the customer
    assert 'data-agent="&lt;b&gt;kf&lt;/b&gt;"' in page
    assert "&lt;b&gt;kf&lt;/b&gt;@im" in page  # the findings' agent@channel


def test_with_a_baseline_the_headline_shows_the_new_ones(report: AuditReport) -> None:
    from checker.baseline.compare import BaselineResult, RuleDelta

    deltas = {"cadence.greeting": RuleDelta(new=2, known=1), "respect.no-blame": RuleDelta(new=1)}
    against = BaselineResult("huitou-baseline.json", deltas, [])
    page = render(dataclasses.replace(report, baseline=against))
    assert '<div class="new" data-key="new" data-value="3">' in page
    assert "<code>huitou-baseline.json</code>" in page
    row = re.search(r'<tr data-rule="cadence.greeting">.*?</tr>', page, re.S)
    assert row is not None and row.group(0).endswith('<td class="n" data-v="2">2</td></tr>')
    assert 'data-key="new"' not in render(report)


def test_the_document_takes_the_optional_sections_of_the_model(report: AuditReport) -> None:
    """When the model carries ``trends``, ``history`` and ``churn`` (a section object with
    ``as_dict`` or a JSON-ready value), the document (JSON and HTML alike) has them."""
    from checker.report.document import head

    sections = with_sections(report)

    class Section:
        def __init__(self, value: object) -> None:
            self.value = value

        def as_dict(self) -> object:
            return self.value

    plain = _without_sections(report)
    extended = dataclasses.replace(
        plain,
        trends=Section(sections["trends"]),
        history=sections["history"],
        churn=Section(sections["churn"]),
    )
    document = head(extended)
    assert {k: document[k] for k in ("trends", "history", "churn")} == {
        k: sections[k] for k in ("trends", "history", "churn")
    }
    assert not {"trends", "history", "churn"} & set(head(plain))
    assert '<section id="churn">' in render(extended)


def test_lapsed_customers_show_segment_and_reason_titles(report: AuditReport) -> None:
    """The churn list names each customer's segment and reasons as the playbook titles them,
    never by their ids."""
    page = render(report)
    table = page[page.index('<section id="churn">') :]
    table = table[table.index("<tbody>") : table.index("</tbody>")]
    assert "<td>贵宾客户</td>" in table and "<td>老客户</td>" in table
    assert "<td>vip</td>" not in table and "<td>regular</td>" not in table
    assert "投诉未及时受理或解决; 长期没有联系" in table
