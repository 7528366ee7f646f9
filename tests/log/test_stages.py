"""`checker.log.stages`: a step built twice alike is the same expression (`Table.view()`
numbers its views, so two builds of one normalisation would differ)."""

from __future__ import annotations

import ibis

from checker.engine.customer_keys import hashed_keys
from checker.log.columns import CANONICAL
from checker.log.normalize import normalize
from checker.log.stages import stage
from checker.playbook.load import load_playbook

RAW = ibis.table({c: "string" for c in CANONICAL}, name="raw")


def test_a_stage_built_twice_is_equal_and_a_view_is_not() -> None:
    t = RAW.mutate(n=RAW.ts.length())
    assert stage(t).equals(stage(t))
    assert hash(stage(t).op()) == hash(stage(t).op())
    assert not t.view().equals(t.view())  # what `stage` is for
    assert not stage(t).equals(stage(RAW))
    staged = stage(t)
    assert stage(staged) is staged  # a step is not wrapped twice


def test_the_same_playbook_normalises_to_equal_expressions() -> None:
    """Two loads of the seed: equal expressions (what `sql_of` keys its SQL by); another
    time zone: a different one."""
    first = hashed_keys(normalize(RAW, load_playbook())).op()
    again = hashed_keys(normalize(RAW, load_playbook())).op()
    assert first == again and hash(first) == hash(again)
    other = load_playbook()
    other.data["timezone"] = "Europe/Berlin"
    assert hashed_keys(normalize(RAW, other)).op() != first
