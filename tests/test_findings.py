"""`checker.findings`: the report built from the engine's rows, in the documented order."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pytest

from checker.batches import Batches
from checker.engine.audit import AuditResult, run_engine
from checker.engine.backends.duckdb import duckdb_session
from checker.findings import build_report, evidence_writer
from checker.playbook import Playbook
from checker.playbook.load import load_playbook
from checker.pseudonyms import customer_names, id_key, pseudonymizer
from checker.report.model import Finding

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
# National Day and Mid-Autumn both fell on 2020-10-01: each of these two regular customers
# misses two holiday greetings with the same time, told apart by the evidence alone.
TIED_LOG = """event_id,ts,customer_id,event,channel,agent_id
e1,2020-09-01 10:00:00,C1,purchase,store,a1
e2,2020-09-01 10:05:00,C1,farewell,store,a1
e3,2020-09-02 10:00:00,C1,purchase,store,a1
e4,2020-09-02 10:05:00,C1,farewell,store,a1
e5,2020-09-01 11:00:00,C2,purchase,store,a1
e6,2020-09-03 11:00:00,C2,purchase,store,a1
e7,2020-10-20 10:00:00,C1,care,phone,a1
"""


def _report_key(f: Finding) -> tuple[object, ...]:
    """The documented order: violations first, then rule, file, line, customer, time and
    evidence, as Python compares them."""
    where = (f.file or "", f.line or 0, f.customer_id, f.ts or "", f.evidence)
    return (f.status != "violation", f.rule, *where)


def _audit(
    log: Path, customers: Path | None, pb: Playbook, names: bool = True, lang: str | None = None
) -> AuditResult:
    """The engine's result; with ``lang``, the evidence written by the engine (as `huitou
    check` has it), else left to `build_report`."""
    with duckdb_session() as (con, workdir):
        return run_engine(
            con,
            workdir,
            [log],
            pb,
            customers=customers,
            customer_names=customer_names(pb) if names else None,
            evidence=evidence_writer(pb, lang) if lang else None,
        )


@pytest.fixture(scope="module")
def demo_audit() -> tuple[Playbook, AuditResult]:
    """The demo audited once with the seed (customers named, evidence left to the report),
    shared by the tests that only read it."""
    pb = load_playbook()
    return pb, _audit(DEMO / "events.csv", DEMO / "customers.csv", pb)


@pytest.mark.parametrize("engine_writes_evidence", [True, False])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_findings_tied_but_for_their_evidence_are_in_evidence_order(
    tmp_path: Path, lang: str, engine_writes_evidence: bool
) -> None:
    log = tmp_path / "events.csv"
    log.write_text(TIED_LOG, encoding="utf-8")
    pb = load_playbook()
    result = _audit(log, None, pb, lang=lang if engine_writes_evidence else None)
    findings = list(build_report(result, pb, lang=lang).findings)
    holidays = [f for f in findings if f.rule == "cadence.holiday-greeting"]
    assert len(holidays) == 4
    assert holidays[0].ts == holidays[1].ts and holidays[0].customer_id == holidays[1].customer_id
    assert findings == sorted(findings, key=_report_key)


def test_the_report_does_not_depend_on_the_order_the_engine_hands_rows_over(
    demo_audit: tuple[Playbook, AuditResult],
) -> None:
    """The engine's order is a head start: rows in any order give the same report."""
    pb, result = demo_audit
    expected = build_report(result, pb, lang="zh").findings
    assert len(expected) > 100
    assert list(expected) == sorted(expected, key=_report_key)
    rows = result.findings.read_all()
    for seed in range(3):
        order = random.Random(seed).sample(range(rows.num_rows), rows.num_rows)
        shuffled = replace(result, findings=Batches.of(rows.take(pa.array(order))))
        assert build_report(shuffled, pb, lang="zh").findings == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_evidence_written_while_the_engine_reads_its_passes_is_the_same_report(
    lang: str, demo_audit: tuple[Playbook, AuditResult]
) -> None:
    pb, later = demo_audit
    written = _audit(DEMO / "events.csv", DEMO / "customers.csv", pb, lang=lang)
    assert "evidence" in written.findings.column_names
    assert "evidence" not in later.findings.column_names
    expected = build_report(later, pb, lang=lang).findings
    assert len({f.rule for f in expected}) > 15  # most kinds write evidence here
    assert list(build_report(written, pb, lang=lang).findings) == list(expected)


def test_customers_are_pseudonyms_unless_the_ids_are_revealed() -> None:
    pb = load_playbook()
    shown = build_report(_audit(DEMO / "events.csv", None, pb), pb, lang="en").findings
    raw_audit = _audit(DEMO / "events.csv", None, pb, names=False)
    raw = build_report(raw_audit, pb, lang="en", keyed=customer_names(pb)).findings
    assert all(f.customer_id.startswith("C-") for f in shown)
    assert not any(f.customer_id.startswith("C-") for f in raw)
    pseudonym = pseudonymizer(id_key(pb))
    named = [replace(f, customer_id=pseudonym(f.customer_id)) for f in raw]
    # The fingerprints key the customers either way: revealing the ids changes none.
    assert list(shown) == sorted(named, key=_report_key)
