"""SARIF 2.1.0: valid against the OASIS schema (a copy under tests/schemas), complete."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from checker.baseline.compare import compare
from checker.baseline.store import Baseline, Entry
from checker.report import sarif
from checker.report.model import AuditReport

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def _valid(text: str) -> dict:
    doc = json.loads(text)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(doc)]
    assert errors == []
    return doc


def test_the_vendored_schema_is_the_oasis_one():
    assert SCHEMA["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    shared = Path("/work/shared/schemas/sarif-schema-2.1.0.json")
    if shared.exists():  # the copy is exact where the original is at hand
        assert json.loads(shared.read_text("utf-8")) == SCHEMA


def test_a_report_is_valid_sarif_with_a_descriptor_per_rule(report: AuditReport):
    run = _valid(sarif.render(report))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.rule for r in report.rules]
    no_blame = next(r for r in rules if r["id"] == "respect.no-blame")
    assert no_blame["defaultConfiguration"] == {"level": "error"}
    assert no_blame["shortDescription"]["text"] == "不指责客户"
    assert no_blame["fullDescription"]["text"] and no_blame["help"]["text"]
    assert no_blame["helpUri"].endswith("/rules/#rule-respect-no-blame")
    assert next(r for r in rules if r["id"] == "cadence.holiday-greeting")[
        "defaultConfiguration"
    ] == {"level": "note"}
    invocation = run["invocations"][0]
    assert invocation["exitCode"] == 1
    assert invocation["properties"]["asOf"] == report.as_of
    assert invocation["properties"]["rowsRead"] == report.input.rows_read


def test_results_have_locations_fingerprints_and_levels(report: AuditReport):
    results = _valid(sarif.render(report))["runs"][0]["results"]
    assert len(results) == len(report.findings)
    for result, finding in zip(results, report.findings, strict=True):
        assert result["partialFingerprints"] == {"huitou/v1": finding.fingerprint}
        location = result["locations"][0]
        assert location["logicalLocations"] == [{"kind": "customer", "name": finding.customer_id}]
        if finding.file:
            physical = location["physicalLocation"]
            assert physical["region"] == {"startLine": finding.line}
            assert "," not in physical["artifactLocation"]["uri"]  # percent-encoded
        else:
            assert "physicalLocation" not in location
        if finding.status == "pending":
            assert (result["kind"], result["level"]) == ("open", "none")
        else:
            assert result["kind"] == "fail" and result["level"] in ("error", "warning", "note")
        assert "baselineState" not in result


def test_against_a_baseline_results_are_new_unchanged_or_absent(report: AuditReport):
    first, second = report.findings[0], report.findings[1]
    entries = [
        Entry(first.rule, first.fingerprint, first.status, "2025-03-01 00:00:00"),
        Entry(first.rule, "feedfacefeedface", "violation", "2025-02-01 00:00:00"),
    ]
    compared = compare(report, Baseline(entries), "baseline.json")
    results = _valid(sarif.render(compared))["runs"][0]["results"]
    states = {r["partialFingerprints"]["huitou/v1"]: r["baselineState"] for r in results}
    assert states[first.fingerprint] == "unchanged"
    assert states[second.fingerprint] == "new"
    assert states["feedfacefeedface"] == "absent"
    assert len(results) == len(report.findings) + 1


@pytest.mark.parametrize("name", ["/abs/日志 a.csv", "C:\\logs\\a b.csv", "logs/a#b?.csv"])
def test_file_names_become_uri_references(report: AuditReport, name: str):
    moved = dataclasses.replace(
        report, findings=[dataclasses.replace(f, file=name) for f in report.findings]
    )
    _valid(sarif.render(moved))
    uri = sarif.artifact_uri(name)
    assert " " not in uri and "#" not in uri and "?" not in uri
