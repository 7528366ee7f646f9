"""Load a playbook folder or file, resolve ``extends``, merge, and validate it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from checker.errors import HuitouError, Problem
from checker.paths import display_path, playbooks_dir, seed_playbook_dir
from checker.playbook.model import Playbook
from checker.playbook.positions import Positions, load_yaml


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
        if not files:
            raise HuitouError(
                "Empty playbook folder.", [Problem("no *.yaml file", file=display_path(path))]
            )
        return files
    if path.is_file():
        return [path]
    raise HuitouError(
        "Playbook not found.",
        [
            Problem(
                "no such file or folder: give a playbook folder or YAML file",
                file=display_path(path),
            )
        ],
    )


def _read_one(path: Path) -> tuple[dict[str, Any], Positions, list[Path]]:
    """Read the files of one playbook (not following ``extends``)."""
    data: dict[str, Any] = {}
    positions: Positions = {}
    problems: list[Problem] = []
    files = _files(path)
    for file in files:
        doc, pos = load_yaml(file)
        if doc is None:  # an empty file: problems of the whole document are told here
            positions.setdefault((), (display_path(file), 1))
            continue
        if not isinstance(doc, dict):
            problems.append(
                Problem("a playbook file must be a mapping of keys", file=display_path(file))
            )
            continue
        for key, value in doc.items():
            if key in data:
                first = positions[(key,)]
                problems.append(
                    Problem(
                        f"key {key!r} is also defined in {first[0]}:{first[1]}; "
                        "keep it in one file",
                        file=display_path(file),
                        line=pos[(key,)][1],
                        path=key,
                    )
                )
            data[key] = value
        positions.update(pos)
    if problems:
        raise HuitouError("The playbook has problems:", problems)
    return data, positions, files


def _merge(base: Any, over: Any) -> Any:
    """Deep-merge mappings; anything else in ``over`` replaces ``base``."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for key, value in over.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    return over


_BUILTIN_NAME = re.compile(r"^[A-Za-z0-9_-]+$")  # a name, never "..", "." or a path


def _folder(path: Path) -> Path:
    return path.parent if path.is_file() else path


def _resolve_base(spec: str, here: Path, root: Path, where: tuple[str, int]) -> Path:
    """The playbook ``extends: spec`` names: a built-in one by name, or a path from ``here``
    that stays inside ``root`` (the folder of the playbook given) or the built-in playbooks."""
    builtins = playbooks_dir()
    if _BUILTIN_NAME.match(spec) and (builtins / spec).is_dir():
        return builtins / spec
    base = _folder(here) / spec
    target = base.resolve()
    if not any(target.is_relative_to(r) for r in (root, builtins.resolve())):
        raise HuitouError(
            "The playbook has problems:",
            [
                Problem(
                    f"'extends: {spec}' points outside the playbook's folder "
                    f"({display_path(root)}) and the built-in playbooks: name a built-in "
                    "playbook (seed) or copy the base playbook into this folder",
                    file=where[0],
                    line=where[1],
                    path="extends",
                )
            ],
        )
    return base


def _load_chain(
    path: Path, seen: tuple[Path, ...], root: Path
) -> tuple[dict[str, Any], Positions, list[Path]]:
    resolved = path.resolve()
    if resolved in seen:
        raise HuitouError(
            "A playbook extends itself.",
            [Problem("remove the cycle in 'extends'", file=display_path(path), path="extends")],
        )
    data, positions, files = _read_one(path)
    spec = data.pop("extends", None)
    if spec is None:
        return data, positions, files
    if not isinstance(spec, str):
        file, line = positions[("extends",)]
        raise HuitouError(
            "The playbook has problems:",
            [Problem("'extends' must be a playbook name or path", file=file, line=line)],
        )
    where = positions[("extends",)]
    base_path = _resolve_base(spec, path, root, where)
    base, base_positions, base_files = _load_chain(base_path, (*seen, resolved), root)
    return _merge(base, data), {**base_positions, **positions}, [*base_files, *files]


def load_playbook(path: str | Path | None = None, *, validate: bool = True) -> Playbook:
    """Load the playbook at ``path`` (default: the built-in seed) and validate it."""
    root = Path(path) if path is not None else seed_playbook_dir()
    data, positions, files = _load_chain(root, (), _folder(root).resolve())
    playbook = Playbook(data=data, positions=positions, sources=files)
    if validate:
        from checker.playbook.validate import validate_playbook

        validate_playbook(playbook)
    return playbook
