"""Numbers a playbook may hold but the audit could not run with: durations longer than
`MAX_DURATION`, NaN and infinities, integers past what a 64-bit backend column holds. Lint
refuses them here, with file and line, so that ``check`` never meets them."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from checker.durations import DURATION_PATTERN, parse_duration
from checker.playbook.positions import JsonPath

_DURATION = re.compile(DURATION_PATTERN)
# Integers are compared, added and counted in 64-bit columns; 2**53 keeps them exact in
# floats as well.
MAX_INTEGER = 2**53


def _problem(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value!r} is not a finite number: write a number"
    if isinstance(value, int | float) and abs(value) > MAX_INTEGER:
        return f"{value!r} is too large: numbers must stay within ±{MAX_INTEGER:,}"
    if isinstance(value, str) and _DURATION.match(value.strip()):
        try:
            parse_duration(value)
        except ValueError as exc:
            return str(exc)
    return None


def number_problems(node: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """(path, message) of every value in ``node`` the audit cannot run with (no recursion
    limit to meet: playbook files are at most `checker.playbook.bounds.MAX_DEPTH` deep)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from number_problems(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from number_problems(value, (*path, i))
    else:
        message = _problem(node)
        if message:
            yield path, message
