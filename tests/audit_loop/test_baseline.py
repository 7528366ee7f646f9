"""Baselines: new, known and fixed findings (issue 20, section 2 and its "Done when")."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from checker.baseline.store import FIELDS, Baseline, Entry, load, write
from checker.playbook.load import load_playbook
from checker.pseudonyms import id_key, pseudonymizer
from tests.audit_loop.conftest import (
    CUSTOMERS,
    DEMO,
    by_fingerprint,
    read_rows,
    run,
    shuffled_split,
    write_rows,
)
from tests.reference.events import parse_ts

LOG = DEMO / "events.csv"


def _check(*argv: str | Path) -> tuple[int, str, str]:
    return run("check", *argv, "--customers", CUSTOMERS)


def _lone_greeting(rows: list[dict[str, str]]) -> dict[str, str]:
    """A greeting that alone answers a purchase for `cadence.greeting` (the only greeting or
    care message of that customer from 1 hour to 2 days after it): without it, a lapse."""
    answers: dict[str, list[tuple[datetime, dict[str, str]]]] = {}
    for r in rows:
        if r["event"] in ("greeting", "care"):
            answers.setdefault(r["customer_id"], []).append((_ts(r), r))
    for r in rows:
        if r["event"] != "purchase":
            continue
        bought = _ts(r)
        mine = [
            (ts, a)
            for ts, a in answers.get(r["customer_id"], [])
            if bought + timedelta(hours=1) <= ts <= bought + timedelta(days=2)
        ]
        if len(mine) == 1 and mine[0][1]["event"] == "greeting":
            return mine[0][1]
    raise AssertionError("the demo log has no lone greeting")


def _ts(row: dict[str, str]) -> datetime:
    ts = parse_ts(row["ts"])  # the demo mixes time formats
    assert ts is not None, row
    return ts


def test_done_when_reshuffled_export_is_all_known_and_one_lapse_is_new(tmp_path: Path) -> None:
    """The issue's scenario, end to end through the command line."""
    header, rows = read_rows()
    base = tmp_path / "baseline.json"
    code, _, err = _check(LOG, "--write-baseline", base, "--fail-on", "never")
    assert code == 0 and base.exists(), err
    # The same log, shuffled and split into two renamed files: nothing new, exit 0.
    parts = shuffled_split(tmp_path / "again", header, rows)
    out = tmp_path / "again.json"
    argv = ["--baseline", base, "--fail-on", "info", "--format", "json", "-o", out]
    code, _, err = _check(*parts, *argv)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0, err
    assert report["baseline"]["new"] == 0 and report["baseline"]["fixed"] == []
    assert report["baseline"]["known"] == len(report["findings"]) > 100
    assert {f["baseline_state"] for f in report["findings"]} == {"known"}
    # One greeting removed: only findings about that customer are new, and exit 1.
    gone = _lone_greeting(rows)
    fewer = [r for r in rows if r is not gone]
    code, _, err = _check(*shuffled_split(tmp_path / "fewer", header, fewer), *argv)
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 1, err
    new = [f for f in report["findings"] if f["baseline_state"] == "new"]
    pseudonym = pseudonymizer(id_key(load_playbook()))(gone["customer_id"])
    assert new and {f["customer_id"] for f in new} == {pseudonym}
    assert report["baseline"]["new"] == len(new)


def test_the_baseline_file_is_sorted_one_entry_a_line_and_names_no_customer(
    tmp_path: Path,
) -> None:
    base = tmp_path / "b.json"
    _check(LOG, "--write-baseline", base, "--fail-on", "never")
    text = base.read_text(encoding="utf-8")
    entry_lines = [ln.strip().rstrip(",") for ln in text.splitlines() if ln.startswith("    {")]
    entries = [json.loads(ln) for ln in entry_lines]
    assert len(entries) == len(load(base).entries) > 100
    assert all(sorted(e) == sorted(FIELDS) for e in entries)
    keys = [(e["rule"], e["fingerprint"]) for e in entries]
    assert keys == sorted(keys)
    raw_ids = {r["customer_id"] for r in read_rows()[1]}
    assert not any(i in text for i in raw_ids)
    assert not re.search(r"C-[0-9a-f]{10}", text)  # no pseudonym either


def test_both_flags_update_in_place_pruning_fixed_and_dating_new(tmp_path: Path) -> None:
    header, rows = read_rows()
    early = write_rows(tmp_path / "early.csv", header, [r for r in rows if r["ts"] < "2025-04"])
    base = tmp_path / "b.json"
    _check(early, "--write-baseline", base, "--fail-on", "never")
    before = {e.fingerprint: e for e in load(base).entries}
    # A made-up entry that is no longer found: fixed, and pruned by the update.
    stale = Entry("cadence.greeting", "00000000deadbeef", "violation", "2025-01-01 00:00:00")
    write(base, Baseline([*before.values(), stale]))
    out = tmp_path / "r.json"
    code, _, err = _check(
        LOG, "--baseline", base, "--write-baseline", base, "--format", "json", "-o", out
    )
    assert code in (0, 1), err
    report = json.loads(out.read_text(encoding="utf-8"))
    fixed = {e["fingerprint"] for e in report["baseline"]["fixed"]}
    # Fixed: the made-up one, and obligations pending at the end of March that were met.
    assert stale.fingerprint in fixed
    assert all(before[fp].status == "pending" for fp in fixed - {stale.fingerprint})
    after = {e.fingerprint: e for e in load(base).entries}
    assert stale.fingerprint not in after
    assert after.keys() == by_fingerprint(report).keys()
    for fp, e in after.items():
        if fp in before:
            assert e.first_seen == before[fp].first_seen
        else:
            assert e.first_seen == report["as_of"]
    assert any(fp not in before for fp in after)


def test_entries_of_rules_gone_are_reported_and_other_versions_load(tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    _check(LOG, "--write-baseline", base, "--fail-on", "never")
    doc = json.loads(base.read_text(encoding="utf-8"))
    doc["version"], doc["tool"], doc["written_by"] = 7, "huitou 9.9", "a later tool"
    doc["entries"].append(
        {"rule": "old.retired-rule", "fingerprint": "1234", "status": "pending", "first_seen": "x"}
    )
    base.write_text(json.dumps(doc), encoding="utf-8")
    code, text, err = _check(LOG, "--baseline", base, "--fail-on", "info", "--lang", "en")
    assert code == 0, err
    assert "1 baseline entries belong to rules the playbook no longer has: old.retired-rule" in (
        text
    )
    assert re.search(r"Against the baseline .*: 0 new, \d+ known, 0 fixed", text)
    assert "new  known  fixed" in text


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('{"format": "huitou-baseline",\n "entries": [1,,]}', r"b\.json:2: not JSON"),
        ('{"entries": []}', r"b\.json: not a huitou baseline"),
        ('{"format": "huitou-baseline", "entries": {}}', r"no list of entries \(at entries\)"),
        (
            '{"format": "huitou-baseline", "entries": [{"rule": "r"}, 5]}',
            r"needs the strings .*\(at entries\[0\]\)\n.*\(at entries\[1\]\)",
        ),
    ],
)
def test_a_corrupt_baseline_is_exit_2_with_the_file_and_what_is_wrong(
    tmp_path: Path, content: str, where: str
) -> None:
    base = tmp_path / "b.json"
    base.write_text(content, encoding="utf-8")
    code, out, err = _check(LOG, "--baseline", base)
    assert code == 2 and out == ""
    assert "corrupt baseline" in err and re.search(where, err), err
    assert "Traceback" not in err


def test_a_corrupt_baseline_stops_the_run_before_the_audit(tmp_path: Path) -> None:
    """Read first, as a damaged history is: a log the audit would refuse (no ``ts``) is not
    reached, and the one message is about the baseline."""
    base = tmp_path / "b.json"
    base.write_text('{"entries": []}', encoding="utf-8")
    log = tmp_path / "no-times.csv"
    log.write_text("customer_id,event\nc1,purchase\n", encoding="utf-8")
    code, out, err = run("check", log, "--baseline", base)
    assert code == 2 and out == ""
    assert "corrupt baseline" in err and "lack required columns" not in err, err
    code, _, err = run("check", log)  # the audit alone: refused for its log
    assert code == 2 and "lack required columns" in err, err
