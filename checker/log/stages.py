"""A step of a long row-by-row expression as a projection of its own, built the same way
every time.

``Table.view()`` makes such a step, but numbers it from a counter global to the process, so
the same normalisation built twice is two different expressions. A step made here has a
fixed identifier: built from the same playbook over the same columns, the expression is
equal to the last one, and a backend may reuse what it compiled for it (see
`checker.engine.backends.duckdb_run.sql_of`).
"""

from __future__ import annotations

import ibis.expr.operations as ops
import ibis.expr.types as ir

# Ibis numbers its own views from 0 up: a negative identifier is never one of them.
STEP = -1


def stage(t: ir.Table) -> ir.Table:
    """``t`` as a projection that later steps read by name (``t.view()``, deterministic).
    For a step of a pipeline only, never for the two sides of a self-join: two stages of the
    same table are the same table."""
    if isinstance(t.op(), ops.SelfReference):
        return t
    return ops.SelfReference(t.op(), identifier=STEP).to_expr()
