"""`checker.engine.customer_keys`: windows partition by a hashed id only when it is one-to-one."""

from __future__ import annotations

from pathlib import Path

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pytest

from checker.engine import customer_keys
from checker.engine.audit import run_engine
from checker.engine.backends.duckdb import duckdb_session
from checker.engine.customer_keys import KEY, CustomerIndex, hashed_keys, keyed
from checker.playbook.load import load_playbook

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def _tables() -> tuple[ir.Table, ir.Table]:
    rows = ibis.memtable(pa.table({"customer_id": ["ab", "cd", "ab", "xyz"], "seq": [1, 2, 3, 4]}))
    events = hashed_keys(rows)
    segments = ibis.memtable(pa.table({"customer_id": ["ab", "cd", "xyz"]}))
    return events, segments


def test_distinct_hashes_key_by_the_hash() -> None:
    events, segments = _tables()
    with duckdb_session() as (con, _):
        ev, seg = keyed(events, segments)
        keys = con.to_pyarrow(seg.select("customer_id", KEY))
        rows = con.to_pyarrow(ev.order_by("seq"))
    assert pa.types.is_integer(keys[KEY].type)
    assert len(set(keys[KEY].to_pylist())) == 3
    assert CustomerIndex(keys).ids(rows[KEY]).to_pylist() == ["ab", "cd", "ab", "xyz"]


def test_a_shared_hash_keys_by_the_id_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    # "ab" and "cd" share a "hash" (their length): the key must not merge them.
    monkeypatch.setattr(customer_keys, "hashed", lambda c: c.length().cast("int64"))
    events, segments = _tables()
    with duckdb_session() as (con, _):
        ev, seg = keyed(events, segments)
        keys = con.to_pyarrow(seg.select("customer_id", KEY))
        rows = con.to_pyarrow(ev.order_by("seq"))
    assert keys["customer_id"].to_pylist() == keys[KEY].to_pylist()
    assert CustomerIndex(keys).ids(rows[KEY]).to_pylist() == ["ab", "cd", "ab", "xyz"]


def test_the_findings_do_not_depend_on_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo audited with hashed keys, and with keys that collide (so the ids are the
    keys): the same counts and findings."""
    pb = load_playbook()

    def audit() -> tuple[list[dict], list[dict]]:
        with duckdb_session() as (con, workdir):
            result = run_engine(
                con, workdir, [DEMO / "events.csv"], pb, customers=DEMO / "customers.csv"
            )
        counts = sorted(result.counts.to_pylist(), key=repr)
        return counts, result.findings.read_all().to_pylist()

    hashed = audit()
    monkeypatch.setattr(customer_keys, "hashed", lambda c: c.length().cast("int64"))
    by_id = audit()
    assert hashed[1] and hashed == by_id


@pytest.mark.parametrize("hashed_keys", [True, False])
def test_the_index_finds_every_key_and_no_other(hashed_keys: bool) -> None:
    """Hashed keys (a binary search) and keys that are the ids (a hash table) alike: each
    key's customer, NULL for a key that is no customer's or is NULL."""
    ids = ["c9", "c1", "c5", "c3"]
    keys = [90, -10, 50, 30] if hashed_keys else ids
    index = CustomerIndex(pa.table({KEY: keys, "customer_id": ids}))
    asked = (
        [50, 30, 90, -10, 50, 7, None, 100, -100]
        if hashed_keys
        else ["c5", "c3", "c9", "c1", "c5", "c7", None, "c99", ""]
    )
    expected = ["c5", "c3", "c9", "c1", "c5", None, None, None, None]
    assert index.ids(pa.array(asked)).to_pylist() == expected
    empty = CustomerIndex(
        pa.table({KEY: pa.array([], pa.int64()), "customer_id": pa.array([], pa.string())})
    )
    assert empty.ids(pa.array([1, None], pa.int64())).to_pylist() == [None, None]
