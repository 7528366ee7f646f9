"""A lapse keeps its fingerprint however the export is re-made (issue 20, section 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checker.fingerprints import fingerprint
from tests.audit_loop.conftest import (
    DEMO,
    Audit,
    by_fingerprint,
    read_rows,
    shuffled_split,
    write_rows,
)

CUT = "2025-03-31 23:59:59"  # an earlier export: the rows up to here


def _same(a: dict, b: dict) -> None:
    """Both reports have the same findings, matched by fingerprint (place aside)."""
    left, right = by_fingerprint(a), by_fingerprint(b)
    assert left.keys() == right.keys()
    for fp, f in left.items():
        g = right[fp]
        assert (f["rule"], f["customer_id"], f["status"], f["ts"], f["evidence"]) == (
            g["rule"],
            g["customer_id"],
            g["status"],
            g["ts"],
            g["evidence"],
        )


def test_every_finding_has_a_distinct_fingerprint(demo_report: dict[str, Any]) -> None:
    report = demo_report
    assert len(report["findings"]) > 100
    assert all(len(f["fingerprint"]) == 16 for f in report["findings"])
    by_fingerprint(report)


def test_rows_shuffled_split_and_renamed_keep_every_fingerprint(
    audit: Audit, demo_report: dict[str, Any], tmp_path: Path
) -> None:
    header, rows = read_rows()
    first = demo_report
    again = audit(shuffled_split(tmp_path / "x", header, rows))
    assert {f["file"] for f in again["findings"]} - {None} != {f["file"] for f in first["findings"]}
    _same(first, again)


def test_without_event_ids_the_content_identifies_the_event_not_the_line(
    audit: Audit, tmp_path: Path
) -> None:
    """No ``event_id`` column: the default ids (``FILE:LINE``) differ between the two
    exports, the fingerprints do not."""
    header, rows = read_rows()
    bare = [h for h in header if h != "event_id"]
    first = audit([write_rows(tmp_path / "a.csv", bare, rows)])
    again = audit(shuffled_split(tmp_path / "x", bare, rows, seed=3))
    ids = {f["event_id"] for f in first["findings"]} - {None}
    assert ids and all(":" in i for i in ids)  # the defaults, by place
    assert ids.isdisjoint({f["event_id"] for f in again["findings"]})
    _same(first, again)
    # A blank id in some rows only: those rows are known by content, the others by id.
    mixed = [dict(r, event_id="") if i % 2 else r for i, r in enumerate(rows)]
    part = audit([write_rows(tmp_path / "m.csv", header, mixed)])
    again = audit(shuffled_split(tmp_path / "y", header, mixed, seed=5))
    _same(part, again)


def test_later_days_and_a_later_as_of_keep_the_fingerprints(
    audit: Audit, demo_report: dict[str, Any], tmp_path: Path
) -> None:
    """An export cut at the end of March, then the whole year: every violation of the first
    is found again with its fingerprint, pending ones too (some of them now violations)."""
    header, rows = read_rows()
    early = audit([write_rows(tmp_path / "march.csv", header, [r for r in rows if r["ts"] <= CUT])])
    full = by_fingerprint(demo_report)
    later_as_of = by_fingerprint(audit([DEMO / "events.csv"], "--as-of", "2025-04-30"))
    violations = [f for f in early["findings"] if f["status"] == "violation"]
    assert len(violations) > 50
    for f in violations:
        assert full[f["fingerprint"]]["rule"] == f["rule"]
        assert later_as_of[f["fingerprint"]]["status"] == "violation"
    pending = [f for f in early["findings"] if f["status"] == "pending"]
    became = [(f, full[f["fingerprint"]]) for f in pending if f["fingerprint"] in full]
    assert any(g["status"] == "violation" for _, g in became)  # pending -> violation
    assert all(g["rule"] == f["rule"] for f, g in became)


def test_the_recipe_in_the_readme_gives_the_fingerprint(demo_report: dict[str, Any]) -> None:
    """The documented recipe (`checker.fingerprints`) reproduces a report's fingerprints from
    what the report shows, for findings with an event id and for period findings."""
    report = demo_report
    with_id = next(f for f in report["findings"] if f["event_id"])
    assert with_id["fingerprint"] == fingerprint(
        with_id["rule"], with_id["customer_id"], "id:" + with_id["event_id"]
    )
    birthday = next(f for f in report["findings"] if f["rule"] == "cadence.birthday-greeting")
    assert birthday["fingerprint"] == fingerprint(
        birthday["rule"], birthday["customer_id"], f"period:{birthday['ts']}|birthday"
    )
