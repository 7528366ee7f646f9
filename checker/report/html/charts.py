"""The HTML report's charts: Vega-Lite specifications rendered to SVG by vl-convert (Vega's own
renderer, run in-process: no browser, no network), inlined in the page.

Text stays text (``<text>`` elements with the page's font stack), so the browser draws CJK
labels with the page's fonts; vl-convert measures them with the same fonts when installed.
"""

from __future__ import annotations

from typing import Any

VEGA_LITE = "5.21"  # the Vega-Lite version vl-convert compiles the specifications with
FONT = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Microsoft YaHei", sans-serif'
)
WIDTH = 560
ROW = 20  # pixels per bar of a horizontal bar chart
PERCENT = ".0%"


def counts_axis(rows: list[dict[str, Any]], value: str) -> dict[str, Any]:
    """An axis of whole numbers: no more ticks than the largest count (no 0.5 customers)."""
    top = max((int(r[value] or 0) for r in rows), default=0)
    return {"format": "d", "tickCount": max(1, min(top, 8))}


CONFIG = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
    "legend": {"labelFontSize": 12, "titleFontSize": 12, "labelLimit": 260},
}


def svg(spec: dict[str, Any]) -> str:
    """One chart as an SVG document (a string starting with ``<svg``)."""
    import vl_convert  # imported when a page is drawn: the other formats never need it

    full = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "config": CONFIG, **spec}
    return vl_convert.vegalite_to_svg(full, vl_version=VEGA_LITE)


def compliance_bars(rows: list[dict[str, Any]], label: str, axis: str) -> dict[str, Any]:
    """Horizontal bars of ``compliance`` (0-1) per ``label``, in the order given; ``axis``
    titles the value axis."""
    return {
        "width": WIDTH,
        "height": {"step": ROW},
        "data": {"values": rows},
        "mark": {"type": "bar", "color": "#2e7d5b"},
        "encoding": {
            "y": {"field": label, "type": "nominal", "sort": None, "title": None},
            "x": {
                "field": "compliance",
                "type": "quantitative",
                "scale": {"domain": [0, 1]},
                "axis": {"format": PERCENT},
                "title": axis,
            },
        },
    }


def count_bars(rows: list[dict[str, Any]], label: str, value: str, axis: str) -> dict[str, Any]:
    """Horizontal bars of a count per ``label``, in the order given."""
    return {
        "width": WIDTH,
        "height": {"step": ROW},
        "data": {"values": rows},
        "mark": {"type": "bar", "color": "#b5532f"},
        "encoding": {
            "y": {"field": label, "type": "nominal", "sort": None, "title": None},
            "x": {
                "field": value,
                "type": "quantitative",
                "title": axis,
                "axis": counts_axis(rows, value),
            },
        },
    }


def month_bars(rows: list[dict[str, Any]], axis: str) -> dict[str, Any]:
    """Vertical bars of ``customers`` per ``month`` (``YYYY-MM``), in time order."""
    return {
        "width": {"step": 36},
        "height": 200,
        "data": {"values": rows},
        "mark": {"type": "bar", "color": "#b5532f"},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "sort": None, "title": None},
            "y": {
                "field": "customers",
                "type": "quantitative",
                "title": axis,
                "axis": counts_axis(rows, "customers"),
            },
        },
    }


def compliance_lines(
    rows: list[dict[str, Any]], x: str, series: str, axis: str, *, dates: bool
) -> dict[str, Any]:
    """Compliance over time: one line per ``series``, a point per ``x``; rows whose compliance
    is None leave a gap. ``dates``: ``x`` is a ``YYYY-MM-DD`` day on a time axis (read as UTC,
    so no zone shifts it); otherwise each value is one place on the axis, in the order given."""
    when: dict[str, Any] = (
        {"type": "temporal", "scale": {"type": "utc"}, "axis": {"format": "%Y-%m-%d"}}
        if dates
        else {"type": "ordinal", "sort": None, "axis": {"labelAngle": -30}}
    )
    return {
        "width": WIDTH,
        "height": 240,
        "data": {"values": rows},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": x, "title": None, **when},
            "y": {
                "field": "compliance",
                "type": "quantitative",
                "scale": {"domain": [0, 1]},
                "axis": {"format": PERCENT},
                "title": axis,
            },
            "color": {"field": series, "type": "nominal", "title": None, "sort": None},
        },
    }
