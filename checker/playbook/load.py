"""Load a playbook folder or file, resolve ``extends``, merge, and validate it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.errors import HuitouError, Problem
from checker.paths import playbooks_dir, seed_playbook_dir
from checker.playbook.model import Playbook
from checker.playbook.positions import Positions, load_yaml


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
        if not files:
            raise HuitouError("Empty playbook folder.", [Problem("no *.yaml file", file=str(path))])
        return files
    if path.is_file():
        return [path]
    raise HuitouError(
        "Playbook not found.",
        [Problem("no such file or folder: give a playbook folder or YAML file", file=str(path))],
    )


def _read_one(path: Path) -> tuple[dict[str, Any], Positions, list[Path]]:
    """Read the files of one playbook (not following ``extends``)."""
    data: dict[str, Any] = {}
    positions: Positions = {}
    problems: list[Problem] = []
    files = _files(path)
    for file in files:
        doc, pos = load_yaml(file)
        if doc is None:
            continue
        if not isinstance(doc, dict):
            problems.append(Problem("a playbook file must be a mapping of keys", file=str(file)))
            continue
        for key, value in doc.items():
            if key in data:
                first = positions[(key,)]
                problems.append(
                    Problem(
                        f"key {key!r} is also defined in {first[0]}:{first[1]}; "
                        "keep it in one file",
                        file=str(file),
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


def _resolve_base(spec: str, here: Path) -> Path:
    builtin = playbooks_dir() / spec
    if "/" not in spec and "\\" not in spec and builtin.exists():
        return builtin
    return (here.parent if here.is_file() else here) / spec


def _load_chain(path: Path, seen: tuple[Path, ...]) -> tuple[dict[str, Any], Positions, list[Path]]:
    resolved = path.resolve()
    if resolved in seen:
        raise HuitouError(
            "A playbook extends itself.",
            [Problem("remove the cycle in 'extends'", file=str(path), path="extends")],
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
    base, base_positions, base_files = _load_chain(_resolve_base(spec, path), (*seen, resolved))
    return _merge(base, data), {**base_positions, **positions}, [*base_files, *files]


def load_playbook(path: str | Path | None = None, *, validate: bool = True) -> Playbook:
    """Load the playbook at ``path`` (default: the built-in seed) and validate it."""
    root = Path(path) if path is not None else seed_playbook_dir()
    data, positions, files = _load_chain(root, ())
    playbook = Playbook(data=data, positions=positions, sources=files)
    if validate:
        from checker.playbook.validate import validate_playbook

        validate_playbook(playbook)
    return playbook
