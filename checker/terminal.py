"""The terminal as ``rich`` sees it: whether to colour (NO_COLOR, FORCE_COLOR, TERM and
whether the stream is a terminal), and text styled without hand-written escape codes."""

from __future__ import annotations

from typing import TextIO

from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style

STYLES = {
    "bold": Style(bold=True),
    "dim": Style(dim=True),
    "error": Style(color="red"),
    "warning": Style(color="yellow"),
    "info": Style(color="cyan"),
}


def console_for(stream: TextIO) -> Console:
    """A console on ``stream``; rich reads NO_COLOR, FORCE_COLOR and TERM itself."""
    return Console(file=stream)


def wants_color(stream: TextIO) -> bool:
    """Colour on ``stream``: a terminal (or FORCE_COLOR), a colour system, and no NO_COLOR."""
    console = console_for(stream)
    return console.is_terminal and console.color_system is not None and not console.no_color


def paint(text: str, style: str) -> str:
    """``text`` in one of `STYLES` (unknown styles: as it is)."""
    found = STYLES.get(style)
    return found.render(text, color_system=ColorSystem.STANDARD) if found else text
