"""The holiday names the calendar library knows, for ``huitou lint``, kept in a disk cache.

Looking one country up in the ``holidays`` library imports every country's module (about a
tenth of a second, a third of a lint). The names of a country's year never change for one
installed version of the library, so they are kept in a small JSON file under the user's
cache folder (``HUITOU_CACHE_DIR``, else ``$XDG_CACHE_HOME/huitou``, else ``~/.cache/huitou``),
stamped with the library's install (its path, and its version file's size and time). A file
with another stamp, an unreadable or damaged one, or a folder that cannot be written are
no error: the names are then read from the library, as without a cache.
"""

from __future__ import annotations

import json
import os
import re
from importlib.util import find_spec
from pathlib import Path

from checker.playbook.model import Playbook

CACHE_ENV = "HUITOU_CACHE_DIR"
_SAFE_NAME = re.compile(r"[A-Za-z0-9_-]{1,16}")


def cache_dir() -> Path:
    """The folder huitou keeps caches in."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "huitou"


def library_stamp() -> str | None:
    """What identifies the installed ``holidays`` library (None when it is not installed)."""
    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    version = Path(spec.origin).with_name("version.py")
    try:
        stat = version.stat()
    except OSError:
        return None
    return f"{version}:{stat.st_size}:{stat.st_mtime_ns}"


def _from_library(country: str, year: int) -> list[str]:
    from checker.engine.calendar import holiday_names

    return sorted(holiday_names(country, year))


def known_names(country: str, year: int) -> frozenset[str]:
    """The holiday names of ``country`` in ``year``, from the cache when it holds them for
    the installed library, else from the library (and then cached)."""
    stamp = library_stamp()
    if stamp is None or not _SAFE_NAME.fullmatch(country):
        return frozenset(_from_library(country, year))
    file = cache_dir() / "holiday-names" / f"{country}-{year}.json"
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data["library"] == stamp and all(isinstance(n, str) for n in data["names"]):
            return frozenset(data["names"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    names = _from_library(country, year)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        partial.write_text(json.dumps({"library": stamp, "names": names}), encoding="utf-8")
        os.replace(partial, file)  # whole or not at all, even with lints running side by side
    except OSError:
        pass
    return frozenset(names)


def unknown_holiday_names(pb: Playbook, year: int = 2025) -> list[str]:
    """Configured ``match`` names the library does not know (for ``huitou lint``)."""
    calendar = pb.data.get("calendar", {})
    names = known_names(calendar.get("country", "CN"), year)
    return [s["match"] for s in calendar.get("holidays", {}).values() if s["match"] not in names]
