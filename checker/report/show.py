"""How many findings a human-readable report lists per rule (``--show``).

Kept apart from the report model so that building the command line (``huitou --help``)
imports no pyarrow.
"""

from __future__ import annotations

DEFAULT_SHOW = 5  # examples per rule in the text and markdown reports
HTML_SHOW = 50  # findings per rule in the HTML page: its size is bounded whatever the audit's


def default_show(fmt: str) -> int:
    """Findings listed per rule by format ``fmt`` when ``--show`` is not given."""
    return HTML_SHOW if fmt == "html" else DEFAULT_SHOW


def show_count(text: str) -> int | None:
    """``--show``: a number of examples per rule, or ``all`` (None)."""
    if text.strip().lower() == "all":
        return None
    if not text.strip().isdigit():
        raise ValueError(f"--show takes a number or 'all', not {text!r}")
    return int(text)
