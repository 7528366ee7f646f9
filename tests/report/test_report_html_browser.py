"""The HTML report in a real headless Chromium, opened from disk with every request that is
not the file itself aborted (and recorded): every chart drawn, the tables, sorting, no console
error, and the numbers of the JSON report of the same audit of the bundled demo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main
from checker.report.html.view import html_page
from tests.report.html_sections import with_sections

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The demo audited once, reported as HTML and as JSON."""
    out = tmp_path_factory.mktemp("html")
    args = ["check", str(DEMO / "events.csv"), "--customers", str(DEMO / "customers.csv")]
    args += ["--format", "html", "-o", str(out / "audit.html"), "--fail-on", "never"]
    assert main([*args, "--report", f"json={out / 'audit.json'}"]) == 0
    return out / "audit.html", json.loads((out / "audit.json").read_text(encoding="utf-8"))


class Opened:
    """A page opened from disk; records console errors and every request to a host."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri(), wait_until="load")

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()
        assert self.requests == [], f"requests to a host: {self.requests}"
        assert self.errors == [], f"console errors: {self.errors}"


@pytest.fixture
def opened(browser: Any, audit: tuple[Path, dict[str, Any]]) -> Iterator[Any]:
    page = Opened(browser, audit[0])
    yield page.page
    page.close()


def _charts(page: Any) -> dict[str, dict[str, int]]:
    """Each chart's name -> its drawn size and marks (bars, lines, points)."""
    return page.eval_on_selector_all(
        "figure.chart",
        """figures => Object.fromEntries(figures.map(f => {
            const svg = f.querySelector('svg'); const box = svg.getBoundingClientRect();
            const marks = svg.querySelectorAll(
                '.mark-rect path, .mark-line path, .mark-symbol path');
            return [f.dataset.chart, {width: box.width, height: box.height, marks: marks.length,
                texts: svg.querySelectorAll('text').length}];
        }))""",
    )


def test_every_chart_is_drawn_with_marks(opened: Any, audit: tuple[Path, dict]) -> None:
    """The demo's audit has weekly trends and lapsed customers (no history: no --history)."""
    doc = audit[1]
    assert doc["trends"]["weeks"] and doc["churn"]["lapsed"] > 0 and "history" not in doc
    charts = _charts(opened)
    churn = {"churn_reasons", "churn_segments", "churn_months"}
    assert set(charts) == {"principles", "rules", "agents", "weekly", *churn}
    for name, c in charts.items():
        assert c["width"] > 50 and c["height"] > 50, name  # one month of churn: a narrow chart
        assert c["marks"] > 0 and c["texts"] > 0, name


def test_cjk_labels_are_text_in_the_pages_fonts(opened: Any) -> None:
    label = opened.locator("figure[data-chart=principles] svg text", has_text="尊重客户").first
    assert label.count() == 1
    assert "Noto Sans CJK SC" in label.evaluate("t => getComputedStyle(t).fontFamily")


def test_the_headline_is_the_json_reports(opened: Any, audit: tuple[Path, dict]) -> None:
    doc = audit[1]
    rules = doc["summary"].values()
    opp = sum(r["opportunities"] for r in rules)
    viol = sum(r["violations"] for r in rules)
    shown = {
        d.get_attribute("data-key"): d.get_attribute("data-value")
        for d in opened.locator("#headline > div").all()
    }
    assert shown["violations"] == str(viol) and shown["opportunities"] == str(opp)
    assert shown["pending"] == str(sum(r["pending"] for r in rules))
    assert shown["rows_checked"] == str(doc["input"]["rows_checked"])
    assert float(shown["compliance"]) == round(1 - viol / opp, 4)
    assert opened.locator("#headline [data-key=violations] dd").inner_text() == f"{viol:,}"


def test_each_rule_row_is_the_json_summary(opened: Any, audit: tuple[Path, dict]) -> None:
    rows = opened.locator("#rule-table tbody tr").all()
    summary = audit[1]["summary"]
    assert len(rows) == len(summary)
    for row in rows:
        rule = summary[row.get_attribute("data-rule")]
        cells = row.locator("td").all()
        values = [c.get_attribute("data-v") for c in cells[3:7]]
        compliance = "" if rule["compliance"] is None else str(rule["compliance"])
        assert values == [
            str(rule["opportunities"]),
            str(rule["violations"]),
            str(rule["pending"]),
            compliance,
        ]


def test_one_agent_row_per_agent_with_the_json_numbers(
    opened: Any, audit: tuple[Path, dict]
) -> None:
    agents = audit[1]["scorecards"]["agents"]
    rows = opened.locator("#agent-table tbody tr").all()
    assert sorted(r.get_attribute("data-agent") for r in rows) == sorted(agents)
    for row in rows:
        card = agents[row.get_attribute("data-agent")]
        values = [c.get_attribute("data-v") for c in row.locator("td").all()[1:]]
        kpi = card["kpi"]
        expected = [
            card[k] for k in ("opportunities", "violations", "pending", "compliance", "share")
        ]
        expected += [kpi[k] for k in ("inquiries", "conversion", "orders", "order_value_mean")]
        expected += [kpi[k] for k in ("order_value_median", "complaints", "resolved_share")]
        assert values == ["" if v is None else str(v) for v in expected]
    channels = opened.locator("#channel-table tbody tr").all()
    assert sorted(r.get_attribute("data-channel") for r in channels) == sorted(
        audit[1]["scorecards"]["channels"]
    )


def test_clicking_a_header_sorts_the_agents(opened: Any) -> None:
    def column(i: int) -> list[str]:
        return opened.locator(f"#agent-table tbody tr td:nth-child({i})").all_inner_texts()

    before = [int(v.replace(",", "")) for v in column(3)]
    assert before != sorted(before)  # the demo's agents are not already in this order
    violations = opened.locator("#agent-table thead th").nth(2)
    violations.click()
    assert [int(v.replace(",", "")) for v in column(3)] == sorted(before)
    assert violations.get_attribute("aria-sort") == "ascending"
    violations.click()
    assert [int(v.replace(",", "")) for v in column(3)] == sorted(before, reverse=True)
    assert violations.get_attribute("aria-sort") == "descending"
    opened.locator("#agent-table thead th").nth(0).click()
    assert column(1) == sorted(column(1))


def test_findings_are_listed_per_rule_capped(opened: Any, audit: tuple[Path, dict]) -> None:
    by_rule: dict[str, int] = {}
    for f in audit[1]["findings"]:
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    blocks = opened.locator("#findings details").all()
    assert {b.get_attribute("data-rule") for b in blocks} == set(by_rule)
    for block in blocks:
        rule = block.get_attribute("data-rule")
        listed = block.locator("tbody tr").count()
        assert listed == min(50, by_rule[rule])
        hidden = block.locator(".more")
        assert (hidden.get_attribute("data-hidden") if hidden.count() else "0") == str(
            by_rule[rule] - listed
        )
    customers = {f["customer_id"] for f in audit[1]["findings"]}
    first = opened.locator("#findings details tbody tr td:nth-child(4)").first.inner_text()
    assert first in customers or first == "—"


def test_synthetic_sections_are_drawn(browser: Any, report: Any, tmp_path: Path) -> None:
    """A report with trends, history and churn (the contract's shapes) draws them all."""
    page_file = tmp_path / "sections.html"
    page_file.write_text(html_page(with_sections(report), report), encoding="utf-8")
    tab = Opened(browser, page_file)
    try:
        charts = _charts(tab.page)
        expected = {"weekly", "history", "churn_reasons", "churn_segments", "churn_months"}
        assert expected <= set(charts)
        for name in expected:
            assert charts[name]["marks"] > 0 and charts[name]["height"] > 50, name
        assert tab.page.locator("#churn-table tbody tr").count() == 2
        assert tab.page.locator("#churn-head").get_attribute("data-lapsed") == "2"
    finally:
        tab.close()


def test_a_rule_link_opens_its_findings(opened: Any) -> None:
    from playwright.sync_api import expect

    links = opened.locator("#rule-table a[href^='#rule-']")
    last = links.nth(links.count() - 1)
    target = last.get_attribute("href")[1:]
    block = opened.locator(f"details[id='{target}']")
    assert block.get_attribute("open") is None
    last.click()
    # The page opens it on the hash change, after the click returns: waited for.
    expect(block).to_have_js_property("open", True)
