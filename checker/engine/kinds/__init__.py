"""The closed set of rule kinds: one folder each, and importing this package registers them.

A kind's folder holds everything of it: ``kind.py`` (its parameter schema, the pure function
building its Ibis expression, and which of its words to say with which values; it ends with
``register(Kind(...))``), ``words.yaml`` (those words: every sentence and word table of its
``describe`` and ``evidence``, Chinese and English, with named ``{placeholders}``; read through
``checker.engine.kinds._words``) and ``cases.yaml`` (its rule cases). Adding a kind is adding a
folder; the playbook schema, the README's kind reference and the rule-case tests find it here.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

FOLDER = Path(__file__).parent


def kind_names() -> list[str]:
    """The kinds' folder names (each a package with a ``kind.py``), sorted."""
    return sorted(m.name for m in pkgutil.iter_modules([str(FOLDER)]) if m.ispkg)


def case_files() -> dict[str, Path]:
    """Each kind's rule-case file, by kind name."""
    return {name: FOLDER / name / "cases.yaml" for name in kind_names()}


for _name in kind_names():
    importlib.import_module(f"{__name__}.{_name}.kind")
