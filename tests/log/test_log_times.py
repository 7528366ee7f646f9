"""Times with offsets are converted with the playbook zone's offset at that instant (daylight
saving on both sides of each change); impossible times and offsets are rejected, not crashed on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import ibis
import pytest

from checker.log.times import parse_times
from checker.log.zone_offsets import FIRST, LAST, offset_at, offset_changes
from tests.log.conftest import audit, write_csv

ZONES = ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Australia/Lord_Howe", "UTC"]


def _parsed(texts: list[str], tz: str) -> list[datetime | None]:
    con = ibis.duckdb.connect()
    t = ibis.memtable({"ts": texts}, schema={"ts": "string"})
    out = con.to_pyarrow(parse_times(t, {"ts": "v"}, tz).select("v")).column("v").to_pylist()
    con.disconnect()
    return out


def _around_changes(tz: str, years: range) -> list[datetime]:
    """UTC instants every 20 minutes for a day on each side of the zone's changes in
    ``years`` (and one ordinary week when it has none)."""
    changes = [at for at, _ in offset_changes(tz) if at.year in years] or [datetime(2025, 6, 1)]
    return [
        (at + timedelta(minutes=20 * i)).replace(tzinfo=UTC)
        for at in changes
        for i in range(-72, 73)
    ]


@pytest.mark.parametrize("tz", ZONES)
def test_offsets_convert_with_the_zones_offset_at_that_instant(tz: str) -> None:
    instants = _around_changes(tz, range(2023, 2027))
    for suffix, shift in (("Z", timedelta(0)), ("+08:00", timedelta(hours=8))):
        texts = [(at + shift).strftime("%Y-%m-%dT%H:%M:%S") + suffix for at in instants]
        expected = [at.astimezone(ZoneInfo(tz)).replace(tzinfo=None) for at in instants]
        assert _parsed(texts, tz) == expected


def test_summer_and_winter_get_different_offsets_in_berlin_and_new_york() -> None:
    texts = ["2025-01-15T12:00:00Z", "2025-07-15T12:00:00Z"]
    assert _parsed(texts, "Europe/Berlin") == [
        datetime(2025, 1, 15, 13, 0),
        datetime(2025, 7, 15, 14, 0),
    ]
    assert _parsed(texts, "America/New_York") == [
        datetime(2025, 1, 15, 7, 0),
        datetime(2025, 7, 15, 8, 0),
    ]
    # The hour skipped in spring: 00:59:59Z is 01:59:59 CET, 01:00:00Z is 03:00:00 CEST.
    assert _parsed(["2025-03-30T00:59:59Z", "2025-03-30T01:00:00Z"], "Europe/Berlin") == [
        datetime(2025, 3, 30, 1, 59, 59),
        datetime(2025, 3, 30, 3, 0, 0),
    ]


def test_zone_changes_are_found_to_the_second() -> None:
    for tz in ("Europe/Berlin", "America/New_York"):
        zone = ZoneInfo(tz)
        changes = offset_changes(tz)
        assert len(changes) > 300 if tz == "America/New_York" else len(changes) > 250
        for at, offset in changes[1:]:
            before = (at - timedelta(seconds=1)).replace(tzinfo=UTC).astimezone(zone)
            after = at.replace(tzinfo=UTC).astimezone(zone)
            assert after.utcoffset() == timedelta(seconds=offset)
            assert before.utcoffset() != after.utcoffset()


def _expected_offset(tz: str, at: datetime) -> int:
    """Zone ``tz``'s offset at naive UTC ``at``, held at its first offset before `FIRST` and
    at its offset at `LAST` after it (the years the engine's table covers)."""
    clamped = min(max(at.replace(tzinfo=UTC), FIRST), LAST)
    off = clamped.astimezone(ZoneInfo(tz)).utcoffset()
    return int(off.total_seconds()) if off else 0


@pytest.mark.parametrize("tz", [*ZONES, "Asia/Kolkata", "Pacific/Apia"])
def test_offset_at_holds_before_the_first_change_and_after_the_last(tz: str) -> None:
    changes = [at for at, _ in offset_changes(tz)[1:]]
    probes = [datetime(1, 1, 1), datetime(1899, 12, 31, 23), datetime(1900, 6, 1)]
    probes += [datetime(2101, 3, 1), datetime(2500, 7, 1), datetime(9999, 12, 31, 23, 59)]
    for at in changes[:2] + changes[-2:]:
        probes += [at - timedelta(seconds=1), at, at + timedelta(days=200)]
        probes += [datetime(at.year, 1, 1), datetime(at.year - 1, 7, 1)]
        probes += [datetime(at.year + 1, 1, 1), datetime(at.year + 1, 7, 1)]
    con = ibis.duckdb.connect()
    t = ibis.memtable({"at": probes}, schema={"at": "timestamp"})
    got = con.to_pyarrow(t.select(v=offset_at(t.at, tz))).column("v").to_pylist()
    con.disconnect()
    assert got == [_expected_offset(tz, at) for at in probes]


BAD_TIMES = [
    "2025-01-01T10:00:00+25:00",  # no zone is 25 hours away
    "2025-01-01T10:00:00+18:01",
    "2025-01-01T10:00:00-19:00",
    "2025-01-01T10:00:00+08:60",  # minutes past 59
    "2025-01-01T10:00:00+0875",
    "9999-12-31T23:30:00-08:00",  # past year 9999 once converted
    "9999-12-31T20:00:00-05:00",
    "0001-01-01T00:30:00+09:00",  # before year 1 once converted
    "0000-01-01 10:00",  # year 0
    "0000-06-01T10:00:00Z",
    "2025-02-30 10:00",  # no such day
    "2025-02-29T10:00:00+08:00",
    "2025-13-01T10:00:00Z",
    "2025-01-01T24:30:00Z",
]
GOOD_TIMES = [
    ("2025-01-01T10:00:00+18:00", datetime(2024, 12, 31, 16, 0)),
    ("2025-01-01T10:00:00-18:00", datetime(2025, 1, 2, 4, 0)),
    ("2025-01-01T10:00:00+0530", datetime(2025, 1, 1, 4, 30)),
    ("0001-01-01T00:30:00-01:00", datetime(1, 1, 1, 1, 30)),
    ("9999-12-31T22:00:00+01:00", datetime(9999, 12, 31, 21, 0)),
    ("0001-01-01 00:00", datetime(1, 1, 1, 0, 0)),
    ("9999-12-31 23:59:59", datetime(9999, 12, 31, 23, 59, 59)),
]


def test_impossible_times_are_null_and_possible_ones_convert() -> None:
    assert _parsed(BAD_TIMES, "UTC") == [None] * len(BAD_TIMES)
    assert _parsed(BAD_TIMES, "Asia/Shanghai") == [None] * len(BAD_TIMES)
    # An hour before year 1 in UTC; in Shanghai's zone of the time (+08:05:43) it is year 1.
    assert _parsed(["0001-01-01T00:30:00+01:00"] * 2, "UTC")[0] is None
    assert _parsed(["0001-01-01T00:30:00+01:00"], "Asia/Shanghai") == [datetime(1, 1, 1, 7, 35, 43)]
    texts, expected = zip(*GOOD_TIMES, strict=True)
    assert _parsed(list(texts), "UTC") == list(expected)


def test_bad_times_and_amounts_are_rejected_rows_with_file_and_line(tmp_path: Path) -> None:
    columns = ["ts", "customer_id", "event", "channel", "agent_id", "amount"]
    bad_amounts = ["NaN", "nan", "inf", "-Infinity", "1e400", "-1e999", "Infinity"]
    rows = [["2025-03-03 10:00", "C1", "purchase", "store", "a1", "12.5"]]
    rows += [[ts, "C1", "reply", "im", "", ""] for ts in BAD_TIMES]
    rows += [["2025-03-03 11:00", "C2", "purchase", "store", "a1", a] for a in bad_amounts]
    rows += [["2025-03-03 12:00", "C3", "purchase", "store", "a1", "1e300"]]
    log = write_csv(tmp_path / "log.csv", rows, columns)
    code, report = audit(tmp_path / "r.json", log)
    assert code in (0, 1)
    got = {r["line"]: r["reason"] for r in report["input"]["rejects"]}
    for i, ts in enumerate(BAD_TIMES):
        assert got[i + 3].startswith(f"unparsable ts '{ts}'"), got[i + 3]
        assert "offset" in got[i + 3] and "1-9999" in got[i + 3]
    for i, amount in enumerate(bad_amounts):
        line = len(BAD_TIMES) + 3 + i
        assert f"amount '{amount}' is not a finite number" in got[line]
    assert {r["file"] for r in report["input"]["rejects"]} == {str(log)}
    counts = report["input"]
    assert counts["rows_read"] == len(rows) == counts["rows_checked"] + counts["rows_rejected"]
    assert counts["rows_rejected"] == len(BAD_TIMES) + len(bad_amounts)
