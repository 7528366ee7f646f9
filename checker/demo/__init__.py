"""The demo shop log generator (`huitou demo`): a realistic year of a tea shop's customer
interactions, mostly compliant, with a known share of planted lapses of every seed rule.

The generator's modules (numpy) are imported when one of the names below is first used, so
that building the command line does not import them.
"""

from __future__ import annotations

import importlib
from typing import Any

MIN_EVENTS = 100  # one VIP's year alone takes about 80 events

_EXPORTS = {
    "DemoSpec": "checker.demo.generate",
    "RULES": "checker.demo.lapses",
    "Written": "checker.demo.writer",
    "write_demo": "checker.demo.writer",
}

__all__ = ["MIN_EVENTS", "RULES", "DemoSpec", "Written", "write_demo"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'checker.demo' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
