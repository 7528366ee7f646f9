"""`checker.log.normalize_once`: the normalisation built once for equal columns and a playbook
equal but for its rules; never kept for a table bound to a connection."""

from __future__ import annotations

import ibis
import pytest

from checker.log import normalize_once
from checker.log.columns import CANONICAL
from checker.log.normalize import normalize
from checker.log.normalize_once import normalized
from checker.memo import Memo
from checker.playbook import Playbook, load_playbook

SEED = load_playbook()


def _raw(*extra: str) -> ibis.Table:
    return ibis.table({c: "string" for c in (*CANONICAL, *extra)}, name="huitou_raw")


def _with(pb: Playbook, **data: object) -> Playbook:
    return Playbook(data={**pb.data, **data}, positions=pb.positions, sources=pb.sources)


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize_once, "BUILT", Memo(8))


def test_the_normalisation_reads_no_rule() -> None:
    """What lets playbooks that differ in their rules share a build."""
    ruleless = _with(SEED, rules={})
    assert normalize(_raw(), ruleless).op() == normalize(_raw(), SEED).op()


def test_equal_columns_and_settings_share_one_build() -> None:
    first = normalized(_raw(), SEED)
    assert normalized(_raw(), load_playbook()) is first  # loaded again: equal
    assert normalized(_raw(), _with(SEED, rules={})) is first  # other rules
    assert len(normalize_once.BUILT) == 1


@pytest.mark.parametrize(
    "setting",
    [
        {"timezone": "Europe/Berlin"},
        {"missing_channel_is_remote": False},
        {"event_aliases": {"下单": "purchase"}},
    ],
)
def test_another_setting_or_other_columns_build_anew(setting: dict[str, object]) -> None:
    first = normalized(_raw(), SEED)
    other = normalized(_raw(), _with(SEED, **setting))
    assert other is not first and other.op() != first.op()
    assert other.op() == normalize(_raw(), _with(SEED, **setting)).op()
    assert normalized(_raw("note"), SEED).op() != first.op()
    assert len(normalize_once.BUILT) == 3


def test_a_table_of_a_connection_is_not_kept() -> None:
    con = ibis.duckdb.connect()
    con.raw_sql(
        f"CREATE TABLE huitou_raw AS SELECT {', '.join(f'NULL::VARCHAR AS {c}' for c in CANONICAL)}"
    )
    built = normalized(con.table("huitou_raw"), SEED)
    assert built.op() == normalize(con.table("huitou_raw"), SEED).op()
    assert len(normalize_once.BUILT) == 0
