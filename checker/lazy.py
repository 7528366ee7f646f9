"""Modules imported on first use, so that the commands which never build a query (``--help``,
``lint``, ``rules``, ``explain``, ``schema``) start without importing Ibis, DuckDB or pyarrow.

``ibis = lazy("ibis")`` at the top of a module reads like ``import ibis``; the real import
happens on the first attribute read (``ibis.literal``) and is then cached by Python as usual.
Nothing is registered in ``sys.modules`` before that first read.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """A stand-in for the module ``name``, imported on the first attribute read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<lazy module {self._name!r} ({state})>"


def lazy(name: str) -> Any:
    """The module ``name``, imported when first used (typed ``Any`` so calls type-check)."""
    return LazyModule(name)
