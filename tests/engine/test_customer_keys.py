"""`checker.engine.customer_keys`: windows partition by a hashed id only when it is one-to-one."""

from __future__ import annotations

from pathlib import Path

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pytest

from checker.engine import customer_keys
from checker.engine.audit import run_engine
from checker.engine.customer_keys import KEY, hashed_keys, ids_of, keyed
from checker.engine.session import duckdb_session
from checker.playbook.load import load_playbook

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def _tables() -> tuple[ir.Table, ir.Table]:
    rows = ibis.memtable({"customer_id": ["ab", "cd", "ab", "xyz"], "seq": [1, 2, 3, 4]})
    events = hashed_keys(rows)
    segments = ibis.memtable({"customer_id": ["ab", "cd", "xyz"]})
    return events, segments


def test_distinct_hashes_key_by_the_hash() -> None:
    events, segments = _tables()
    with duckdb_session() as (con, _):
        ev, seg = keyed(events, segments)
        keys = con.to_pyarrow(seg.select("customer_id", KEY))
        rows = con.to_pyarrow(ev.order_by("seq"))
    assert pa.types.is_integer(keys[KEY].type)
    assert len(set(keys[KEY].to_pylist())) == 3
    assert ids_of(rows[KEY], keys).to_pylist() == ["ab", "cd", "ab", "xyz"]


def test_a_shared_hash_keys_by_the_id_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    # "ab" and "cd" share a "hash" (their length): the key must not merge them.
    monkeypatch.setattr(customer_keys, "hashed", lambda c: c.length().cast("int64"))
    events, segments = _tables()
    with duckdb_session() as (con, _):
        ev, seg = keyed(events, segments)
        keys = con.to_pyarrow(seg.select("customer_id", KEY))
        rows = con.to_pyarrow(ev.order_by("seq"))
    assert keys["customer_id"].to_pylist() == keys[KEY].to_pylist()
    assert ids_of(rows[KEY], keys).to_pylist() == ["ab", "cd", "ab", "xyz"]


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
        return counts, result.findings.to_pylist()

    hashed = audit()
    monkeypatch.setattr(customer_keys, "hashed", lambda c: c.length().cast("int64"))
    by_id = audit()
    assert hashed[1] and hashed == by_id
