"""Evidence for many findings at once: Arrow string kernels over a rule's outcome rows.

A kind's ``evidence(rows, rule, pb, lang)`` gets one rule's findings as an Arrow table (the
columns of ``checker.engine.outcomes.OUTCOME_SCHEMA``) and returns one sentence per row. These
helpers keep those functions short: format times (``fmt_ts``), durations (``gap``), fill a
template (``fill``; a kind's templates are its ``words.yaml``, see ``_words``) and pick a
sentence by case (``cases``).
"""

from __future__ import annotations

from collections.abc import Callable
from string import Formatter
from typing import TYPE_CHECKING

from checker.durations import UNITS
from checker.lazy import lazy

if TYPE_CHECKING:
    import pyarrow

    Column = pyarrow.Array | pyarrow.ChunkedArray

pa = lazy("pyarrow")  # evidence is written in an audit only; `explain` needs none of it
pc = lazy("pyarrow.compute")
NONE = "—"  # a missing time


def _array(values: Column) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def ts_text(values: Column) -> pa.Array:
    """``YYYY-MM-DD HH:MM:SS`` (sub-seconds dropped, as ``datetime`` fields are); null stays
    null. A cast (``YYYY-MM-DD HH:MM:SS.ffffff``), not ``strftime``: many times faster."""
    return pc.utf8_slice_codeunits(pc.cast(_array(values), pa.string()), 0, 19)


def fmt_ts(values: Column) -> pa.Array:
    """``YYYY-MM-DD HH:MM``; a missing time is ``—``."""
    return pc.fill_null(pc.utf8_slice_codeunits(ts_text(values), 0, 16), NONE)


def fmt_day(values: Column) -> pa.Array:
    """``YYYY-MM-DD``; a missing time is ``—``."""
    return pc.fill_null(pc.utf8_slice_codeunits(ts_text(values), 0, 10), NONE)


def gap(later: Column, earlier: Column, lang: str) -> pa.Array:
    """``checker.durations.humanize(later - earlier, lang)`` for every row: the two largest
    non-zero units of the whole seconds (rounded half to even), ``0 min`` / ``0 分钟`` for
    none. Null where either time is null."""
    micros = pc.abs(pc.cast(pc.subtract(_array(later), _array(earlier)), pa.int64()))
    exact = pc.divide(pc.cast(micros, pa.float64()), 1e6)
    rest = pc.cast(pc.round(exact, round_mode="half_to_even"), pa.int64())
    parts = []
    for name, size in UNITS[lang]:
        n = pc.divide(rest, size)  # integer division: rest is never negative
        rest = pc.subtract(rest, pc.multiply(n, size))
        text = pc.binary_join_element_wise(pc.cast(n, pa.string()), f" {name} ", "")
        parts.append(pc.if_else(pc.equal(n, 0), "", text))
    # Not null_handling="skip": pyarrow 26 drops the rows whose values are all null.
    every = pc.utf8_rtrim(pc.binary_join_element_wise(*parts, ""), characters=" ")
    # Each part is two words ("3 d"), so the two largest parts are the first four words.
    words = pc.list_slice(pc.split_pattern(every, " ", max_splits=4), 0, 4)
    two = pc.binary_join(words, " ")
    zero = "0 min" if lang == "en" else "0 分钟"
    return pc.if_else(pc.equal(two, ""), zero, two)


def fill(template: str, **values: str | Column) -> pa.Array:
    """``template`` with each ``{name}`` replaced by a string or, row by row, an array's value
    (numbers as ``str()`` writes them). A row is null where a value it uses is null; values
    the template does not name are ignored, so one mapping can serve every case."""
    pieces: list[str | pa.Array] = []
    for literal, name, spec, conversion in Formatter().parse(template):
        if literal:
            pieces.append(literal)
        if name is None:
            continue
        if spec or conversion or name not in values:
            raise ValueError(f"bad placeholder {{{name}}} in evidence template {template!r}")
        value = values[name]
        if isinstance(value, str):
            pieces.append(value)
        else:
            array = _array(value)
            pieces.append(array if pa.types.is_string(array.type) else array.cast(pa.string()))
    if all(isinstance(p, str) for p in pieces):
        raise ValueError(f"evidence template {template!r} uses no column")
    return pc.binary_join_element_wise(*pieces, "")


def cases(*branches: tuple[Column, pa.Array], otherwise: pa.Array) -> pa.Array:
    """Per row, the value of the first branch whose condition is true (a null condition is
    false), else ``otherwise``."""
    conditions = pa.StructArray.from_arrays(
        [pc.fill_null(_array(c), False) for c, _ in branches],
        names=[f"case{i}" for i in range(len(branches))],
    )
    return pc.case_when(conditions, *(v for _, v in branches), otherwise)


def by_ref(rows: pa.Table, *, pending: pa.Array, missing: pa.Array, found: pa.Array) -> pa.Array:
    """The common three cases: ``pending`` while the deadline is after the audit's end, else
    ``missing`` where the related event never came (no ``ref_ts``), else ``found``."""
    return cases((is_pending(rows), pending), (absent(rows["ref_ts"]), missing), otherwise=found)


def choose(condition: Column, yes: str | Column, no: str | Column) -> pa.Array:
    """``yes`` where ``condition`` is true, else ``no`` (a null condition is false)."""
    return pc.if_else(pc.fill_null(_array(condition), False), _value(yes), _value(no))


def _value(value: str | Column) -> str | pa.Array:
    return value if isinstance(value, str) else _array(value)


def equals(values: Column, text: str) -> pa.Array:
    return pc.equal(_array(values), text)


def is_pending(rows: pa.Table) -> pa.Array:
    """The rows whose deadline is after the audit's end."""
    return equals(rows["status"], "pending")


def absent(values: Column) -> pa.Array:
    return pc.is_null(_array(values))


def present(values: Column) -> pa.Array:
    """Neither null nor empty (what ``if value:`` means for a string)."""
    array = _array(values)
    return pc.fill_null(pc.not_equal(array, ""), False)


def per_value(values: Column, text: Callable[[str | None], str]) -> pa.Array:
    """``text(value)`` for every row, called once per distinct value (null included)."""
    encoded = _array(values).dictionary_encode(null_encoding="encode")
    names = pa.array([text(v) for v in encoded.dictionary.to_pylist()], pa.string())
    return pc.take(names, encoded.indices)
