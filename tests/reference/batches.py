"""Several generated logs audited as one, so that one engine run (whose cost is mostly
compiling its queries, whatever the log's size) checks several logs.

Each log of a batch keeps its own customers, event ids, refs and order ids: the first log's
are left as generated (every id shape the generator makes still reaches the engine), the
others' are tagged with the log's place in the batch (``1-c1``, ``2-e7``), so no customer,
event or ref of one log meets another's. A ref that named no event in its own log names
none in the batch either. Agent ids are shared: the shop playbook's roster names agents,
and a tagged agent would leave it. The logs of a batch are drawn around one base time and
audited up to one ``as_of`` (the first log's), so that each of them lies near the audit's
end as a single log does (pending outcomes, segments and occasions depend on that end).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from math import ceil
from typing import Any

from hypothesis import strategies as st

from tests.reference.strategies import BASES, Log, logs

BATCH = 10  # generated logs per engine run
TAGGED = ("customer_id", "event_id", "ref", "order_id")  # the ids a log keeps to itself


def tagged(value: Any, place: int) -> Any:
    """An id of the log at ``place`` in a batch: as generated for the first log, else
    prefixed by the place. Empty cells stay empty (the log reader reads them as NULL)."""
    if place == 0 or value is None or not str(value).strip():
        return value
    return f"{place}-{str(value).strip()}"


def _own_ids(row: Mapping[str, Any], place: int) -> dict[str, Any]:
    return {**row, **{name: tagged(row[name], place) for name in TAGGED if name in row}}


def combined(parts: Sequence[Log]) -> Log:
    """One log holding every row and customer of ``parts``, each part's ids its own,
    audited up to the first part's ``as_of``."""
    rows = [_own_ids(row, place) for place, part in enumerate(parts) for row in part.rows]
    people = [_own_ids(c, place) for place, part in enumerate(parts) for c in part.customers]
    return Log(rows, people, parts[0].as_of if parts else None)


@st.composite
def batched_logs(draw: st.DrawFn, size: int = BATCH) -> Log:
    """``size`` generated logs around one base time, combined into one (see `combined`)."""
    base = draw(st.sampled_from(BASES))
    return combined(draw(st.lists(logs(base=base), min_size=size, max_size=size)))


def batches_for(n_logs: int, size: int = BATCH) -> int:
    """How many batches of ``size`` check at least ``n_logs`` generated logs."""
    return ceil(n_logs / size)
