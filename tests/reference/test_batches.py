"""A batch of generated logs combined into one keeps each log's customers, events and refs
to itself (see `tests.reference.batches`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import pairwise
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.reference.batches import BATCH, batches_for, combined, tagged
from tests.reference.strategies import Log, logs

PARTS = st.lists(logs(), min_size=BATCH, max_size=BATCH)


def _ids(rows: Iterable[Mapping[str, Any]], name: str) -> set[Any]:
    return {row[name] for row in rows if row.get(name) is not None}


@given(parts=PARTS)
def test_the_first_log_is_kept_as_generated(parts: list[Log]) -> None:
    log = combined(parts)
    assert log.rows[: len(parts[0].rows)] == parts[0].rows
    assert log.customers[: len(parts[0].customers)] == parts[0].customers
    assert log.as_of == parts[0].as_of
    assert len(log.rows) == sum(len(p.rows) for p in parts)
    assert len(log.customers) == sum(len(p.customers) for p in parts)


@given(parts=PARTS)
def test_no_customer_or_event_of_one_log_meets_another_s(parts: list[Log]) -> None:
    log = combined(parts)
    ends = [sum(len(p.rows) for p in parts[:k]) for k in range(len(parts) + 1)]
    own = [log.rows[a:b] for a, b in pairwise(ends)]
    for k, rows in enumerate(own):
        others = [r for j, part in enumerate(own) if j != k for r in part]
        for name in ("customer_id", "event_id"):
            assert _ids(rows, name).isdisjoint(_ids(others, name))
        # A ref names an event of its own log exactly when it did before the batch.
        events = _ids(rows, "event_id")
        before = _ids(parts[k].rows, "event_id")
        for row, original in zip(rows, parts[k].rows, strict=True):
            if original.get("ref") is not None:
                assert (row["ref"] in events) == (original["ref"] in before)
                assert row["ref"] not in _ids(others, "event_id")


def test_an_id_is_tagged_by_its_place_and_an_empty_cell_stays_empty() -> None:
    assert tagged("c1", 0) == "c1"
    assert tagged("c1", 2) == "2-c1"
    assert tagged(" 007 ", 1) == "1-007"
    assert tagged(None, 1) is None
    assert tagged("  ", 1) == "  "


def test_a_batch_count_covers_the_logs() -> None:
    assert batches_for(60) * BATCH == 60
    assert batches_for(25) * BATCH >= 25 > (batches_for(25) - 1) * BATCH
