from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from checker.report import document, finding_json, json_report
from checker.report.model import Finding, FindingTable

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
    assert list(doc) == [
        "as_of",
        "churn",
        "findings",
        "history",
        "input",
        "lang",
        "playbook",
        "scorecards",
        "summary",
        "trends",
    ]
    kf01 = doc["scorecards"]["agents"]["kf01"]
    assert (kf01["violations"], kf01["pending"], kf01["share"]) == (1, 1, 0.6667)
    assert kf01["kpi"]["conversion"] == 0.4 and kf01["kpi"]["resolved_share"] == 0.6667
    assert "kpi" not in doc["scorecards"]["channels"]["store"]
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
    lines = [ln.strip().rstrip(",") for ln in out.splitlines() if ln.startswith('    {"')]
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


HOSTILE = [
    'say "hi"',
    "C:\\path\\file",
    "two\nlines",
    "cr\r\nlf",
    "tab\tand\bback\fform",
    "\x7f delete",
    "line\u2028separator\u2029",
    "中文“引号”",
    "emoji 😀🇨🇳",
    "",
    "\\u0041 is not escaped twice",
    "=1+1",
]
# Written as \u00XX by json.dumps: rows with these go through json.dumps itself.
UNNAMED = ["\x01\x02\x1f control", "nul \x00 byte", "\x0b vertical tab"]


def _hostile_findings(texts: list[str] = HOSTILE) -> list[Finding]:
    """Each string field of a finding gets each hostile text in turn; some fields are null."""
    n = len(texts)
    return [
        Finding(
            rule=text,
            principle=texts[(i + 1) % n],
            severity=texts[(i + 2) % n],
            status="violation" if i % 2 else "pending",
            customer_id=texts[(i + 3) % n],
            event_id=None if i % 3 == 0 else texts[(i + 4) % n],
            fingerprint=texts[(i + 8) % n],
            baseline_state=None if i % 2 else texts[(i + 9) % n],
            ts=None if i % 4 == 0 else "2025-03-03 10:00:00",
            file=None if i % 5 == 0 else texts[(i + 5) % n],
            line=None if i % 5 == 0 else [0, 1, -7, 2**53 + 1][i % 4],
            message=texts[(i + 6) % n],
            evidence=texts[(i + 7) % n],
        )
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize(
    "findings",
    [
        _hostile_findings(),  # every row built by the Arrow kernels
        _hostile_findings(HOSTILE + UNNAMED),  # most rows through json.dumps
        [dataclasses.replace(f, evidence="纯文本 plain") for f in _hostile_findings()],
    ],
)
def test_vectorised_lines_are_json_dumps_byte_for_byte(findings):
    batch = FindingTable.of(findings).table.to_batches()[0]
    got = finding_json.lines(batch).to_pylist()
    assert got == [json.dumps(vars(f), ensure_ascii=False, sort_keys=True) for f in findings]
    assert [json.loads(line) for line in got] == [vars(f) for f in findings]
    prefixed = finding_json.lines(batch, prefix=",\n    ").to_pylist()
    assert prefixed == [",\n    " + line for line in got]


@pytest.mark.parametrize("batch", [1, 2, 5, 1000])
def test_the_document_is_the_same_whatever_the_batch_size(report, batch):
    hostile = dataclasses.replace(
        report, findings=[*report.findings, *_hostile_findings(HOSTILE + UNNAMED)]
    )
    pieces = list(json_report.chunks(hostile, batch=batch))
    out = "".join(p if isinstance(p, str) else str(p, "utf-8") for p in pieces)
    # The reference: one json.dumps per finding, one per line, as the writer did before.
    head = json.dumps(
        {**document.head(hostile), "findings": []}, ensure_ascii=False, indent=2, sort_keys=True
    )
    before, after = head.split('"findings": []', 1)
    each = [
        "    " + json.dumps(vars(f), ensure_ascii=False, sort_keys=True) for f in hostile.findings
    ]
    assert out == before + '"findings": [\n' + ",\n".join(each) + "\n  ]" + after + "\n"
    assert json.loads(out)["findings"] == [vars(f) for f in hostile.findings]
