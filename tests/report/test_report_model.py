from __future__ import annotations

import dataclasses

import pyarrow as pa
import pytest

from checker.batches import Batches
from checker.report.model import FINDING_SCHEMA, Finding, FindingTable
from tests.report.conftest import FINDINGS


def test_a_report_stores_a_list_of_findings_as_a_table(report):
    assert isinstance(report.findings, FindingTable)
    assert len(report.findings) == len(FINDINGS)
    assert list(report.findings) == FINDINGS
    assert report.findings == FINDINGS and FINDINGS == report.findings
    assert report.findings == FindingTable.of(FINDINGS)
    assert report.findings != FINDINGS[:-1]
    assert report.findings != FindingTable.of(FINDINGS[1:])


def test_iteration_indexing_and_reversal_keep_every_field():
    table = FindingTable.of(FINDINGS)
    assert [table[i] for i in range(len(table))] == FINDINGS
    assert table[-1] == FINDINGS[-1]
    assert list(reversed(table)) == FINDINGS[::-1]
    with pytest.raises(IndexError):
        table[len(FINDINGS)]
    # None stays None, numbers stay numbers (a customer-level finding has no place).
    assert [(f.event_id, f.file, f.line) for f in table][3] == (None, None, None)


def test_iteration_crosses_batches_in_order(monkeypatch):
    monkeypatch.setattr("checker.report.model.BATCH", 2)
    table = FindingTable.of(FINDINGS)
    assert list(table) == FINDINGS
    assert list(reversed(table)) == FINDINGS[::-1]


def test_violations_are_filtered_by_arrow(report):
    violations = report.violations()
    assert isinstance(violations, FindingTable)
    assert list(violations) == [f for f in FINDINGS if f.status == "violation"]
    assert sorted(violations.distinct("severity")) == ["error", "info", "warning"]
    assert not dataclasses.replace(report, findings=[]).violations()


def test_a_table_needs_the_finding_schema():
    wrong = pa.table({"rule": ["r"]})
    with pytest.raises(ValueError, match="schema"):
        FindingTable(wrong)
    assert FindingTable.of([]).table.schema == FINDING_SCHEMA
    assert [f.name for f in dataclasses.fields(Finding)] == FINDING_SCHEMA.names


def test_distinct_where_reads_only_the_matching_findings(report):
    findings = report.findings
    assert sorted(findings.distinct_where("severity", status="violation")) == [
        "error",
        "info",
        "warning",
    ]
    assert findings.distinct_where("severity", status="pending", rule="cadence.greeting") == [
        "warning"
    ]
    assert findings.distinct_where("rule", status="nothing") == []
    assert findings.distinct_where("baseline_state", baseline_state="new") == []  # all NULL
    assert sorted(findings.distinct_where("status")) == ["pending", "violation"]


def test_findings_read_from_a_file_behave_as_those_in_memory(report, monkeypatch):
    monkeypatch.setattr("checker.report.model.BATCH", 2)
    memory = FindingTable.of(FINDINGS)
    on_disk = FindingTable(
        Batches.written(memory.table.to_batches(max_chunksize=3), FINDING_SCHEMA)
    )
    assert on_disk == memory and len(on_disk) == len(FINDINGS)
    assert list(on_disk) == FINDINGS and list(reversed(on_disk)) == FINDINGS[::-1]
    assert [on_disk[i] for i in range(-len(FINDINGS), 0)] == FINDINGS
    assert list(on_disk.where("status", "violation")) == list(memory.where("status", "violation"))
    assert len(on_disk.where("status", "pending")) == len(memory.where("status", "pending"))
    assert on_disk.distinct("rule") == memory.distinct("rule")
    assert [b.num_rows for b in on_disk.batches(2)] == [2, 1, 2, 1, 2, 1, 2]  # 3, 3, 3, 2
