"""The reference implementation of each rule kind, one module per kind named like its folder
in `checker.engine.kinds`: ``outcomes(rule, ctx)`` and ``COMPARED`` (the fields besides the
key that the engine must match). Found by name, so a new kind adds one module here."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from checker.playbook import Rule
from tests.reference.context import Context
from tests.reference.events import Outcome

Reference = Callable[[Rule, Context], list[Outcome]]


def _modules() -> dict[str, ModuleType]:
    folder = str(Path(__file__).parent)
    names = sorted(m.name for m in pkgutil.iter_modules([folder]) if not m.ispkg)
    return {n: importlib.import_module(f"{__name__}.{n}") for n in names}


MODULES = _modules()
KINDS: dict[str, Reference] = {name: m.outcomes for name, m in MODULES.items()}
COMPARED: dict[str, tuple[tuple[str, bool], ...]] = {n: m.COMPARED for n, m in MODULES.items()}
