"""Small tables of values that a rule's query joins (a calendar's days, the years an audit
spans), named by what they hold.

Ibis names an in-memory table at random. Named by a digest of its content instead, the same
days give the same table in every audit of a process, so a query that joins them has the
same shape each time and is compiled once (see `checker.engine.backends.query_shape`). Equal
contents also give the same table while one is in use: a query may join one calendar for
several rules, and Ibis refuses two different in-memory tables of one name in a query. They
are held weakly, so none outlives the expressions that read it.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from checker.memo import Interned

if TYPE_CHECKING:  # imported on first use: the rule kinds' registry loads without them
    import ibis.expr.operations as ops
    import ibis.expr.types as ir
    import pyarrow as pa

_TABLES: Interned[str, ops.InMemoryTable] = Interned()


def value_table(data: pa.Table) -> ir.Table:
    """``data`` as an Ibis in-memory table named ``huitou_values_<digest of data>``."""
    import ibis
    import ibis.expr.operations as ops
    import pyarrow as pa
    from ibis.formats.pyarrow import PyArrowTableProxy

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, data.schema) as writer:
        writer.write_table(data)
    digest = hashlib.blake2b(sink.getvalue().to_pybytes(), digest_size=16).hexdigest()

    def make() -> ops.InMemoryTable:  # `ibis.memtable`, but named
        return ops.InMemoryTable(
            name=f"huitou_values_{digest}",
            schema=ibis.Schema.from_pyarrow(data.schema),
            data=PyArrowTableProxy(data),
        )

    return _TABLES.get(digest, make).to_expr()
