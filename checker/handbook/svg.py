"""Small SVG building blocks for the diagrams drawn at build time (no JavaScript, no CDN)."""

from __future__ import annotations

import html
import re
import unicodedata

FONT = (
    "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', "
    "'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"
)
INK = "#1f2933"  # text: contrast > 12:1 on white
ACCENT = "#3949ab"  # indigo, matches the theme's primary colour
MUTED = "#52606d"  # secondary text: contrast > 6:1 on white
FILL = "#e8eaf6"


def text_width(text: str, size: float) -> float:
    """Rough rendered width: CJK and full-width glyphs are one em, others about half."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in ("W", "F"))
    return wide * size + (len(text) - wide) * size * 0.56


def label(
    x: float,
    y: float,
    text: str,
    *,
    size: float = 13,
    max_width: float | None = None,
    anchor: str = "middle",
    color: str = INK,
    weight: str = "normal",
) -> str:
    """A text element; squeezed with ``textLength`` when it would exceed ``max_width``."""
    squeeze = ""
    if max_width is not None and text_width(text, size) > max_width:
        squeeze = f' textLength="{max_width:.0f}" lengthAdjust="spacingAndGlyphs"'
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{color}" font-weight="{weight}"{squeeze}>{html.escape(text)}</text>'
    )


def wrap(text: str, size: float, max_width: float, lines: int = 2) -> list[str]:
    """Greedy line breaks (between words, or between CJK characters) into at most ``lines``."""
    tokens = re.findall(r"[A-Za-z0-9'’.,:%()/-]+\s*|\s+|.", text)
    out = [""]
    for tok in tokens:
        if out[-1] and text_width(out[-1] + tok.rstrip(), size) > max_width and len(out) < lines:
            out.append("")
        out[-1] += tok
    return [line.strip() for line in out if line.strip()]


def block(x: float, y: float, text: str, *, size: float, max_width: float, **kw: object) -> str:
    """A label wrapped onto up to two lines, centred on ``y``."""
    rows = wrap(text, size, max_width)
    top = y - (len(rows) - 1) * size * 0.6
    return "".join(
        label(x, top + i * size * 1.2, row, size=size, max_width=max_width, **kw)
        for i, row in enumerate(rows)
    )


def svg(diagram_id: str, width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    """An accessible inline SVG (role=img, <title>, <desc>) on one line group, no blank lines."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hh-diagram" id="{diagram_id}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{diagram_id}-title {diagram_id}-desc" font-family="{FONT}">'
    )
    parts = [
        head,
        f'<title id="{diagram_id}-title">{html.escape(title)}</title>',
        f'<desc id="{diagram_id}-desc">{html.escape(desc)}</desc>',
        f'<defs><marker id="{diagram_id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{ACCENT}"/></marker></defs>',
        *body,
        "</svg>",
    ]
    return '<figure class="hh-figure">\n' + "\n".join(parts) + "\n</figure>"
