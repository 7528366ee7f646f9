"""A row's place in the input: its file and line, packed into one integer ``seq``.

``seq = file number * FILE_STRIDE + line`` orders rows across files (files in the order given,
then line), the same on every backend. `seq_of` is the one encoder and `place` the one
decoder, for an Ibis expression (in a query) and for an Arrow array (a query's result) alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from checker.lazy import lazy

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow

pa = lazy("pyarrow")
pc = lazy("pyarrow.compute")

FILE_STRIDE = 10**10


@overload
def place(seq: ir.IntegerValue) -> tuple[ir.IntegerValue, ir.IntegerValue]: ...
@overload
def place(seq: pyarrow.Array) -> tuple[pyarrow.Array, pyarrow.Array]: ...


def place(seq: ir.IntegerValue | pyarrow.Array) -> tuple[object, object]:
    """(file_no, line) of input positions ``seq`` (an Ibis integer or an Arrow int64 array)."""
    if isinstance(seq, pa.Array | pa.ChunkedArray):
        file_no = pc.divide(seq, FILE_STRIDE)  # integer division of non-negative integers
        return file_no, pc.subtract(seq, pc.multiply(file_no, FILE_STRIDE))
    return (seq // FILE_STRIDE).cast("int64"), (seq % FILE_STRIDE).cast("int64")


def seq_of(file_no: Any, line: Any) -> Any:
    """The ``seq`` of ``line`` in file ``file_no`` (the inverse of `place`): Python integers,
    Ibis integers, or Arrow int64 arrays (for either argument)."""
    if isinstance(file_no, pa.Array | pa.ChunkedArray) or isinstance(
        line, pa.Array | pa.ChunkedArray
    ):
        return pc.add(pc.multiply(file_no, FILE_STRIDE), line)
    return file_no * FILE_STRIDE + line
