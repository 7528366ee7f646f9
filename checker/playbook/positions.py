"""Safe YAML loading that remembers where every value came from (file and line)."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import yaml

from checker.errors import HuitouError, Problem
from checker.memo import Memo
from checker.paths import display_path
from checker.playbook.bounds import check_bounds

# libyaml's parser when PyYAML has it (ten times faster), with the safe constructor either way.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

JsonPath = tuple[str | int, ...]
Positions = dict[JsonPath, tuple[str, int]]

# A file parsed before, by its name and text: a process that loads the same playbook again
# (a test run, the handbook's two languages, ``huitou handbook serve``) parses it once. Kept
# pickled, so that every caller gets its own copy to change.
_PARSED: Memo[tuple[str, str], bytes] = Memo(kept=32)


def _walk(node: yaml.Node, path: JsonPath, file: str, out: Positions) -> None:
    out[path] = (file, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            _walk(value_node, (*path, key), file, out)
            out[(*path, key)] = (file, key_node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), file, out)


def load_yaml(path: Path) -> tuple[Any, Positions]:
    """Load one YAML file with ``yaml.safe_load`` semantics; return data and positions."""
    file = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HuitouError(
            "A playbook file is not UTF-8 text.",
            [Problem(f"cannot decode byte {exc.start}: save the file as UTF-8", file=file)],
        ) from exc
    except OSError as exc:
        raise HuitouError("Cannot read a playbook file.", [Problem(str(exc), file=file)]) from exc
    blob = _PARSED.get((file, text), lambda: pickle.dumps(_parse(text, file)))
    data, positions = pickle.loads(blob)
    return data, positions


def _parse(text: str, file: str) -> tuple[Any, Positions]:
    """``text`` (the file ``file``) parsed: data and positions."""
    loader = _SAFE_LOADER(text)
    try:  # one parse: the node tree (for positions), then the data built from it
        node = loader.get_single_node()
        if node is not None:
            check_bounds(node, file)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise HuitouError(
            "A playbook file is not valid YAML.",
            [
                Problem(
                    f"{getattr(exc, 'problem', None) or exc}: fix the YAML syntax",
                    file=file,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ],
        ) from exc
    finally:
        loader.dispose()
    positions: Positions = {}
    if node is not None:
        _walk(node, (), file, positions)
    return data, positions


def format_path(path: JsonPath) -> str:
    """``rules['cadence.greeting'].params.within`` style, readable and unambiguous."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif "." in part or not part.replace("_", "").replace("-", "").isalnum():
            out += f"[{part!r}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def locate(positions: Positions, path: JsonPath) -> tuple[str | None, int | None]:
    """The file and line of ``path``, or of its nearest located ancestor."""
    for end in range(len(path), -1, -1):
        hit = positions.get(tuple(path[:end]))
        if hit:
            return hit
    return None, None
