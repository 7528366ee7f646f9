"""`normalize`, built once a process for equal raw columns and an equal playbook.

Building the normalisation (a few hundred Ibis nodes: cleaning, times, the event vocabulary,
the reject reasons) costs tens of milliseconds; an audit of a small log costs a few hundred.
A process that audits again and again (a test run, a service) builds it once for each
playbook and set of columns. The rows are read through a view of a fixed name (see
`checker.engine.backends.duckdb_read.stack_in_order`), so equal columns are an equal table.

A playbook's rules are not part of the key: the normalisation reads the vocabulary, the
channels and the time zone, never a rule (`tests/log/test_normalize_once.py` holds it to
that), so playbooks that differ only in their rules share one build.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import ibis.expr.operations as ops

from checker.log.normalize import normalize
from checker.memo import Memo

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from checker.playbook.model import Playbook

BUILT: Memo[tuple[ops.Node, str], ir.Table] = Memo(8)


def settings_key(pb: Playbook) -> str:
    """Everything of ``pb`` but its rules, as one string."""
    settings = {k: v for k, v in pb.data.items() if k != "rules"}
    return json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str)


def normalized(raw: ir.Table, pb: Playbook) -> ir.Table:
    """``normalize(raw, pb)``, the build kept for the next equal ``raw`` and playbook when
    ``raw`` is a table of a name and columns only (bound to no connection, which the kept
    build would keep alive, and whose tables another audit would not have)."""
    op = raw.op()
    if not isinstance(op, ops.UnboundTable):
        return normalize(raw, pb)
    return BUILT.get((op, settings_key(pb)), lambda: normalize(raw, pb))
