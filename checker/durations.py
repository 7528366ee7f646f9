"""Durations as playbooks write them ("15min", "2h", "2d") and as people read them."""

from __future__ import annotations

import re
from datetime import timedelta

DURATION_PATTERN = r"^[0-9]+(\.[0-9]+)?\s*(min|h|d)$"
_RE = re.compile(DURATION_PATTERN)
_UNIT_SECONDS = {"min": 60, "h": 3600, "d": 86400}
# The longest duration a playbook may set: a century is more than any rule needs, and times
# shifted by it stay far inside what every backend's timestamps hold.
MAX_DURATION = timedelta(days=36500)


def parse_duration(text: str) -> timedelta:
    """Parse ``"2d"``, ``"48h"`` or ``"15min"`` (at most `MAX_DURATION`); raise ValueError
    otherwise."""
    m = _RE.match(str(text).strip())
    if not m:
        raise ValueError(f"not a duration: {text!r} (write e.g. 15min, 2h, 2d)")
    seconds = float(str(text).strip()[: m.start(2)].strip()) * _UNIT_SECONDS[m.group(2)]
    if seconds > MAX_DURATION.total_seconds():
        raise ValueError(
            f"{str(text).strip()!r} is longer than {MAX_DURATION.days} days: use a shorter one"
        )
    return timedelta(seconds=seconds)


UNITS = {
    "zh": (("天", 86400), ("小时", 3600), ("分钟", 60), ("秒", 1)),
    "en": (("d", 86400), ("h", 3600), ("min", 60), ("s", 1)),
}
_LONG_EN = {"d": ("day", "days"), "h": ("hour", "hours"), "min": ("minute", "minutes")}


def humanize(delta: timedelta, lang: str = "en", parts: int = 2) -> str:
    """``3 d 1 h`` / ``3 天 1 小时``: the largest ``parts`` non-zero units."""
    seconds = round(abs(delta.total_seconds()))
    out: list[str] = []
    for name, size in UNITS[lang]:
        n, seconds = divmod(seconds, size)
        if n:
            out.append(f"{n} {name}")
    if not out:
        return "0 min" if lang == "en" else "0 分钟"
    return " ".join(out[:parts])


def describe(text: str, lang: str = "en") -> str:
    """A playbook duration as a phrase: ``2 days`` / ``2 天``, ``15 minutes`` / ``15 分钟``."""
    delta = parse_duration(text)
    seconds = delta.total_seconds()
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size and seconds % size == 0:
            n = int(seconds // size)
            if lang == "zh":
                return f"{n} {dict(d='天', h='小时', min='分钟')[unit]}"
            one, many = _LONG_EN[unit]
            return f"{n} {one if n == 1 else many}"
    return humanize(delta, lang)
