"""The weekly trend of the text report (after the scorecards): each principle's compliance
in the last weeks of the log, and a sparkline over the last year's weeks."""

from __future__ import annotations

from rich.cells import cell_len

from checker.report.lines import NONE, one_line
from checker.trends.model import Counted, Trends

SHOWN_WEEKS = 8  # the last weeks given as numbers
SPARK_WEEKS = 52  # the last weeks the sparkline covers (a year)
BARS = "▁▂▃▄▅▆▇█"
NO_WEEK = "·"  # a week without an opportunity in the sparkline

LABELS = {
    "zh": {
        "title": "每周合规率（按原则，最近 {} 周；共 {} 周，--format json 含全部周与每条规则）",
        "principle": "原则",
        "spark": "最近 {} 周（该行最低到最高）",
    },
    "en": {
        "title": "Weekly compliance by principle (last {} of {} weeks; --format json has "
        "every week and rule)",
        "principle": "principle",
        "spark": "last {} weeks (row's low to high)",
    },
}


def pct(cell: Counted) -> str:
    return NONE if cell.compliance is None else f"{cell.compliance * 100:.1f}%"


def sparkline(cells: list[Counted]) -> str:
    """One character per week, from the row's lowest compliance (▁) to its highest (█)."""
    values = [c.compliance for c in cells]
    known = [v for v in values if v is not None]
    if not known:
        return NO_WEEK * len(cells)
    low, high = min(known), max(known)
    span = high - low

    def bar(v: float | None) -> str:
        if v is None:
            return NO_WEEK
        return BARS[-1] if span == 0 else BARS[round((v - low) / span * (len(BARS) - 1))]

    return "".join(bar(v) for v in values)


def trend_table(trends: Trends | None, lang: str) -> list[str]:
    """The section's lines (none when there is no week to show)."""
    if trends is None or not trends.weeks or not trends.principles:
        return []
    words = LABELS.get(lang, LABELS["en"])
    weeks = trends.weeks[-SHOWN_WEEKS:]
    spark = words["spark"].format(min(SPARK_WEEKS, len(trends.weeks)))
    heads = [words["principle"], *(w[5:] for w in weeks), spark]
    rows = [
        [one_line(pid), *(pct(c) for c in cells[-SHOWN_WEEKS:]), sparkline(cells[-SPARK_WEEKS:])]
        for pid, cells in trends.principles.items()
    ]
    widths = [max(cell_len(c) for c in col) for col in zip(heads, *rows, strict=True)]
    last = len(heads) - 1

    def line(cells: list[str]) -> str:
        padded = [
            c + " " * (w - cell_len(c)) if i in (0, last) else " " * (w - cell_len(c)) + c
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return ("  " + "  ".join(padded)).rstrip()

    title = words["title"].format(len(weeks), len(trends.weeks))
    return [title, line(heads), *(line(r) for r in rows)]
