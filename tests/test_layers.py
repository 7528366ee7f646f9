"""The package's layering, read from the import statements (ast), so it cannot regress:

- `checker/playbook/` and `checker/log/` never import `checker/engine/` (the engine builds on
  them, not the other way round);
- report writers (the modules `checker.report.formats.FORMATS` names) never import each
  other: what two of them share lives in a module that is not a writer;
- a row's place (file, line) is decoded in one function (`checker.log.places.place`): the
  stride that packs it is used nowhere else but where rows are numbered;
- a rule kind's module imports its vocabulary from `checker.engine.kinds.kit`, not a block
  of engine modules, Ibis and pyarrow of its own;
- a rule kind is its folder: nothing outside it imports it (the registry finds it), and the
  folder holds its code, its words and its rule cases only.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from checker.report.formats import FORMATS

PACKAGE = Path(__file__).resolve().parents[1] / "checker"


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it (also inside functions). The package
    imports absolutely only (a relative import fails here, so none can slip past)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import of {node.module}"
            found.add(node.module or "")
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_the_checks_read_imports() -> None:
    """The reader sees a plain, a from, and a function-level import (else every check below
    would pass vacuously)."""
    seen = imports_of(PACKAGE / "commands" / "check.py")
    assert "argparse" in seen
    assert "checker.errors" in seen
    assert "checker.engine.audit" in seen  # imported inside `run`


@pytest.mark.parametrize("layer", ["playbook", "log"])
def test_lower_layers_do_not_import_the_engine(layer: str) -> None:
    wrong = {
        str(path.relative_to(PACKAGE)): sorted(
            m for m in imports_of(path) if m.startswith("checker.engine")
        )
        for path in modules(layer)
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_report_writers_do_not_import_each_other() -> None:
    writers = {f"checker.report.{name}" for name in FORMATS.module_names()}
    assert len(writers) >= 5
    wrong = {}
    for writer in sorted(writers):
        name = writer.rsplit(".", 1)[1]
        folder = PACKAGE / "report" / name  # a writer may be a package (html)
        paths = sorted(folder.rglob("*.py")) if folder.is_dir() else [folder.with_suffix(".py")]
        seen = {m for path in paths for m in imports_of(path)}
        within = {m for m in seen if m.startswith(writer + ".")}
        others = sorted((seen - within) & writers - {writer})
        if others:
            wrong[writer] = others
    assert wrong == {}


def test_one_function_decodes_a_place() -> None:
    users = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "FILE_STRIDE" in path.read_text(encoding="utf-8")
    )
    # places.py defines it, and its seq_of / place encode and decode every row's place.
    assert users == ["log/places.py"]


def test_a_rule_kind_imports_its_vocabulary_from_the_kit() -> None:
    kinds = sorted((PACKAGE / "engine" / "kinds").glob("*/kind.py"))
    assert len(kinds) >= 13
    wrong = {}
    for path in kinds:
        own = {
            m
            for m in imports_of(path)
            if m.split(".")[0] in ("ibis", "pyarrow")
            or (m.startswith("checker.") and not m.startswith("checker.engine.kinds.kit"))
        }
        if own:
            wrong[path.parent.name] = sorted(own)
    assert wrong == {}


def test_a_rule_kind_is_its_folder() -> None:
    """Adding a kind is adding a folder: no module names one (the package's ``__init__``
    finds them), and each folder is ``__init__.py``, ``kind.py``, ``words.yaml`` and
    ``cases.yaml``."""
    from checker.engine.kinds import FOLDER, kind_names

    names = kind_names()
    assert len(names) >= 13
    for name in names:
        files = {p.name for p in (FOLDER / name).iterdir() if p.name != "__pycache__"}
        assert files == {"__init__.py", "kind.py", "words.yaml", "cases.yaml"}, name
    kind_modules = tuple(f"checker.engine.kinds.{name}" for name in names)
    tests = Path(__file__).parent
    outside = [p for p in [*PACKAGE.rglob("*.py"), *tests.rglob("*.py")] if FOLDER not in p.parents]
    wrong = {
        str(path): sorted(m for m in imports_of(path) if m.startswith(kind_modules))
        for path in outside
    }
    assert {k: v for k, v in wrong.items() if v} == {}
