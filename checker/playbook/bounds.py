"""Limits on a playbook file's YAML tree, checked on the parsed nodes before anything is built.

Aliases let a few lines stand for an exponential number of values (an "alias bomb"), and
brackets nest as deep as a file is long; both would make every later walk over the data
(positions, merging, validation) run out of time, memory or stack. The tree is measured here
without recursion and without expanding an alias more than once.
"""

from __future__ import annotations

import yaml

from checker.errors import HuitouError, Problem

# The seed playbook, with every alias expanded, has about 9,000 values and a depth of 8.
MAX_VALUES = 200_000
MAX_DEPTH = 64
_TOO_DEEP = f"values nest more than {MAX_DEPTH} levels deep: a playbook needs far fewer"


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _problem(file: str, node: yaml.Node, message: str) -> HuitouError:
    mark = node.start_mark
    return HuitouError(
        "A playbook file is too large or too deeply nested.",
        [Problem(message, file=file, line=mark.line + 1, column=mark.column + 1)],
    )


def check_bounds(root: yaml.Node, file: str) -> None:
    """Raise a usage error when ``root`` nests deeper than `MAX_DEPTH`, refers to itself, or
    stands for more than `MAX_VALUES` values once its aliases are expanded."""
    sizes: dict[int, int] = {}  # expanded size of every finished node, by identity
    heights: dict[int, int] = {}  # levels below and including it, likewise
    open_nodes: set[int] = set()  # nodes on the current path (a cycle meets one again)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            heights[key] = 1 + max((heights[id(c)] for c in children), default=0)
            if sizes[key] > MAX_VALUES:
                raise _problem(
                    file,
                    node,
                    f"its aliases expand to more than {MAX_VALUES:,} values: write the "
                    "values out, or use fewer nested aliases (* and &)",
                )
            continue
        if key in sizes:  # an alias of a finished value: as deep as it is, where it is used
            if depth + heights[key] - 1 > MAX_DEPTH:
                raise _problem(file, node, _TOO_DEEP)
            continue
        if key in open_nodes:
            raise _problem(
                file, node, "an alias refers to the value that contains it: remove the cycle"
            )
        if depth > MAX_DEPTH:
            raise _problem(file, node, _TOO_DEEP)
        open_nodes.add(key)
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in _children(node))
