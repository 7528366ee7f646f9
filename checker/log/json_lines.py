"""JSON Lines whose lines are not objects: named by line (only read when DuckDB refuses a
file, so the common case pays nothing)."""

from __future__ import annotations

from pathlib import Path

from checker.errors import HuitouError, Problem

# The lines named at most; a file of nothing but arrays needs no thousand lines to say so.
MAX_NAMED = 20
_KINDS = {"[": "an array", '"': "a string", "n": "null", "t": "true", "f": "false"}


def not_objects(path: Path, shown: str) -> HuitouError:
    """A usage error naming every line of ``path`` (up to `MAX_NAMED`) that is not a JSON
    object; ``shown`` is the file's name as the user gave it."""
    problems: list[Problem] = []
    more = 0
    with path.open("rb") as f:
        for number, raw in enumerate(f, 1):
            text = raw.strip()
            if not text or text.startswith(b"{"):
                continue
            if len(problems) == MAX_NAMED:
                more += 1
                continue
            what = _KINDS.get(chr(text[0]), "a number" if text[:1] in b"-0123456789" else "")
            problems.append(
                Problem(
                    f"this line is {what or 'not JSON'}, not an object: write one "
                    '{"ts": ..., "customer_id": ..., "event": ...} object per line',
                    file=shown,
                    line=number,
                )
            )
    if more:
        problems.append(Problem(f"and {more:,} more lines like these", file=shown))
    if not problems:
        problems.append(
            Problem("a line is not a JSON object: write one object per line", file=shown)
        )
    return HuitouError("A JSON Lines file has lines that are not objects.", problems)
