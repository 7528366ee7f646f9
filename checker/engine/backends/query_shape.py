"""An Ibis expression's shape: what its SQL depends on, without the connection its tables
are bound to.

Two audits build equal expressions over the same tables, but each on its own connection:
Ibis nodes that name a table carry the connection (``DatabaseTable.source``) or the data
(``InMemoryTable.data``), so the two are not equal, although they compile to the same SQL.
The shape replaces such a table by its name, schema and namespace (what the compiler reads
of it) and keeps every other node's arguments as they are: equal shapes compile to equal SQL
(for one compiler), which lets a process compile a query once however many audits run it
(`checker.engine.backends.duckdb_run.sql_of`).

Shapes are hash-consed: a node's shape is one object for all equal shapes alive, so shapes
compare and hash by identity. An expression is a graph that shares its parts (every column
of a relation points at it); hashed or compared as nested tuples, each shared part would be
visited once per path to it, which grows exponentially with the depth.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import ibis.expr.operations as ops

from checker.memo import Interned

# Nodes a backend must prepare for before a query reads them (Ibis' pre-execute hooks
# register in-memory tables and UDFs, and load an extension for geospatial operations).
HOOKED = (
    ops.InMemoryTable,
    ops.ScalarUDF,
    ops.AggUDF,
    ops.ElementWiseVectorizedUDF,
    ops.ReductionVectorizedUDF,
    ops.AnalyticVectorizedUDF,
    ops.GeoSpatialUnOp,
    ops.GeoSpatialBinOp,
)


class Shape:
    """One node's shape: its kind and its arguments' shapes (compared by identity: equal
    shapes are the same object, see `_interned`). ``hooked``: whether the node or one below
    it is `HOOKED` (a query without any needs no preparing)."""

    __slots__ = ("__weakref__", "hooked", "parts")

    def __init__(self, parts: tuple[Hashable, ...], hooked: bool) -> None:
        self.parts = parts
        self.hooked = hooked


_SHAPES: Interned[tuple[Hashable, ...], Shape] = Interned()


def _interned(parts: tuple[Hashable, ...], hooked: bool) -> Shape:
    return _SHAPES.get(parts, lambda: Shape(parts, hooked or any(map(_hooked, parts))))


def _hooked(part: Hashable) -> bool:
    if isinstance(part, Shape):
        return part.hooked
    return isinstance(part, tuple) and any(map(_hooked, part))


def shape(node: ops.Node) -> Shape:
    """``node``'s shape (equal shapes, equal SQL; the same object while one is alive)."""
    seen: dict[int, Shape] = {}  # id(node) -> its shape: a graph's shared parts once

    def of(value: Any) -> Hashable:
        if isinstance(value, ops.Node):
            known = seen.get(id(value))
            if known is None:
                known = seen[id(value)] = _interned(_parts(value), isinstance(value, HOOKED))
            return known
        if isinstance(value, tuple):
            return tuple(of(v) for v in value)
        if isinstance(value, Mapping):  # a Project's fields, a schema: the type kept too
            return (type(value), *((k, of(v)) for k, v in value.items()))
        return value

    def _parts(node: ops.Node) -> tuple[Hashable, ...]:
        if isinstance(node, ops.DatabaseTable):
            return ("table", node.name, node.schema, node.namespace)
        if isinstance(node, ops.InMemoryTable):
            return ("memtable", node.name, node.schema)
        return (type(node), *(of(arg) for arg in node.__args__))

    root = of(node)
    assert isinstance(root, Shape)
    return root
