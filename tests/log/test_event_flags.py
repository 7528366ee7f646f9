"""A vocabulary too large for event flags (a shop may add events of its own) is audited like
one with flags: names and aliases are then matched as strings (`checker.log.event_flags`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine.backends.duckdb import duckdb_session
from checker.engine.prepare import prepare
from checker.log.event_flags import MAX_FLAGS, event_flags
from checker.playbook import load_playbook
from tests.log.conftest import BASE, audit, write_csv

ALIASES = "event_aliases: {下单: purchase, 回访电话: callback}\n"


def _playbook(folder: Path, extra: int) -> Path:
    """The seed playbook with ``extra`` shop events of the shop's own (never logged)."""
    folder.mkdir()
    names = [f"own_{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(extra)]
    events = "".join(
        f"  {n}: {{actor: shop, group: care, zh: 自定义, en: own event}}\n" for n in names
    )
    (folder / "playbook.yaml").write_text(
        "extends: seed\n" + ALIASES + ("events:\n" + events if events else ""), encoding="utf-8"
    )
    return folder


def _log(folder: Path) -> Path:
    """The small shop log with aliases, names padded with whitespace, and unknown names."""
    rows = [list(r) for r in BASE]
    rows[0][3] = "下单"  # an alias
    rows[1][3] = " farewell\t"
    rows[2][3] = "greeting \r"
    rows[2][4] = "wechat  "
    rows += [
        ["x1", "2025-03-06 10:00", "客户甲", "回访电话 ", "phone", "店员1", "", "", ""],
        ["x2", "2025-03-06 11:00", "客户甲", "purchse ", "im", "", "", "", ""],
        ["x3", "2025-03-06 12:00", "客户甲", "care", "fax ", "店员1", "", "", ""],
    ]
    return write_csv(folder / "log.csv", rows)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("flags")


@pytest.mark.parametrize("extra", [40, 60])
def test_a_large_vocabulary_audits_like_a_small_one(folder: Path, extra: int) -> None:
    small = _playbook(folder / f"small{extra}", 0)
    large = _playbook(folder / f"large{extra}", extra)
    assert event_flags(load_playbook(small)) is not None
    assert len(load_playbook(large).events) > MAX_FLAGS  # no flags: names compared as text
    log = _log(folder)
    _, with_flags = audit(folder / f"small{extra}.json", log, "--playbook", small)
    _, without = audit(folder / f"large{extra}.json", log, "--playbook", large)
    for key in ("input", "summary", "findings"):
        assert with_flags[key] == without[key], key
    reasons = [r["reason"] for r in without["input"]["rejects"]]
    assert reasons == [
        "unknown event 'purchse'; did you mean 'purchase'?",
        "unknown channel 'fax' (known: store, visit, phone, sms, im, wechat, email, mail)",
    ]
    assert with_flags["summary"]["cadence.farewell"]["opportunities"] == 1


def test_without_flags_events_keep_their_names(folder: Path) -> None:
    pb = load_playbook(_playbook(folder / "names", 60))
    with duckdb_session() as (con, workdir):
        prep = prepare(con, [_log(folder)], pb, customers_path=None, as_of=None, workdir=workdir)
        rows = prep.events.select("event_id", "event", "event_flag", "channel", "outbound")
        events = {r["event_id"]: r for r in rows.to_pyarrow().to_pylist()}
    assert all(r["event_flag"] is None for r in events.values())
    assert [events[e]["event"] for e in ("e01", "e02", "e03", "x1")] == [
        "purchase",
        "farewell",
        "greeting",
        "callback",
    ]
    assert (events["e03"]["channel"], events["e03"]["outbound"]) == ("wechat", True)
    assert (events["e01"]["channel"], events["e01"]["outbound"]) == ("store", False)
