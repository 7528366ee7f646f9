"""The text report's weekly section: the last weeks as numbers, a sparkline per principle."""

from __future__ import annotations

from datetime import date

from checker.report.trend_text import SHOWN_WEEKS, sparkline, trend_table
from checker.trends.model import Counted, Trends
from checker.trends.weekly import week_range


def test_the_sparkline_runs_from_the_rows_low_to_its_high() -> None:
    cells = [Counted(10, 5, 0), Counted(), Counted(10, 0, 0), Counted(4, 1, 0)]
    assert sparkline(cells) == "▁·█▅"  # 50%, none, 100%, 75%
    assert sparkline([Counted(3, 0, 0), Counted(3, 0, 0)]) == "██"
    assert sparkline([Counted(), Counted()]) == "··"


def test_english_table_shows_the_last_weeks() -> None:
    weeks = [w.isoformat() for w in week_range(date(2025, 1, 6), date(2025, 3, 24))]
    trends = Trends(weeks, {"respect": [Counted(2, 1, 0)] * len(weeks)}, {})
    lines = trend_table(trends, "en")
    assert lines[0] == (
        f"Weekly compliance by principle (last {SHOWN_WEEKS} of 12 weeks; --format json has "
        "every week and rule)"
    )
    assert lines[1].split()[:2] == ["principle", "02-03"]  # weeks 5 to 12 of 12
    assert lines[2].split() == ["respect", *["50.0%"] * SHOWN_WEEKS, "█" * 12]
    assert trend_table(Trends(), "en") == [] and trend_table(None, "zh") == []
