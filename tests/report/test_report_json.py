from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from checker.report import json_report
from checker.report.model import Finding

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "schema" / "report.schema.json").read_text(encoding="utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_itself_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_output_validates_against_the_schema(report):
    VALIDATOR.validate(json.loads(json_report.render(report)))


def test_exact_shape_and_values(report):
    doc = json.loads(json_report.render(report))
    assert list(doc) == ["as_of", "findings", "input", "lang", "playbook", "summary"]
    assert doc["input"]["rows_read"] == 523
    assert len(doc["input"]["rejects"]) == 23  # all of them, not only the first 20
    assert doc["summary"]["respect.no-blame"] == {
        "compliance": 0.95,
        "opportunities": 40,
        "pending": 0,
        "principle": "respect",
        "severity": "error",
        "title": "不指责客户",
        "violations": 2,
    }
    assert doc["summary"]["cadence.birthday-greeting"]["compliance"] is None
    assert [Finding(**f) for f in doc["findings"]] == report.findings


def test_text_is_utf8_with_sorted_keys_and_a_trailing_newline(report):
    out = json_report.render(report)
    assert "不指责客户" in out and "\\u" not in out
    assert out.endswith("}\n") and not out.endswith("\n\n")
    objects = []
    json.loads(out, object_pairs_hook=lambda pairs: objects.append(pairs) or dict(pairs))
    assert all([k for k, _ in o] == sorted(k for k, _ in o) for o in objects)
    # One finding per line: each is a whole JSON object, in the report's order.
    lines = [ln.strip().rstrip(",") for ln in out.splitlines() if ln.startswith("    {")]
    assert [json.loads(ln) for ln in lines] == json.loads(out)["findings"]
    assert len(lines) == len(report.findings)


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("lang"),
        lambda d: d["input"].update(extra=1),
        lambda d: d["findings"][0].update(status="ok"),
        lambda d: d["findings"][0].update(line=0),
        lambda d: d["summary"]["respect.no-blame"].update(compliance=1.5),
        lambda d: d["findings"][0].update(ts="2025-03-03T10:00:00+08:00"),
    ],
)
def test_schema_rejects_broken_documents(report, breakage):
    doc = json.loads(json_report.render(report))
    breakage(doc)
    assert not VALIDATOR.is_valid(doc)


def test_empty_report_is_valid(report):
    empty = dataclasses.replace(report, rules=[], findings=[])
    VALIDATOR.validate(json.loads(json_report.render(empty)))
