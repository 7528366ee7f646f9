"""SARIF 2.1.0 (OASIS) for code-scanning tools such as GitHub's: rules, results, the run.

One ``reportingDescriptor`` per rule of the playbook; one result per finding, with the log
file and line as its physical location where known, the customer's pseudonym as a logical
location, the fingerprint under ``partialFingerprints``, and, against a baseline, its
``baselineState`` (new or unchanged; the baseline's fixed entries as ``absent`` results).
Violations are ``fail`` results at the rule's level; pending ones are ``open`` (level none).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.report.model import AuditReport, Finding

ENCODING = "utf-8"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "huitou/v1"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
STATE = {"new": "new", "known": "unchanged"}
FIXED = {
    "zh": "已修复：本次审计不再发现（基线中的 {}）",
    "en": "fixed: no longer found ({} in the baseline)",
}
_PLACEHOLDER = '"results": []'


def artifact_uri(file: str) -> str:
    """A log file's name as a URI reference: relative paths stay relative (to the
    repository root, as code scanning expects), absolute ones become ``file:`` URIs."""
    path: PurePath = PureWindowsPath(file) if "\\" in file else PurePosixPath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def _descriptor(report: AuditReport, index: int) -> dict[str, Any]:
    rule = report.rules[index]
    doc = report.rule_docs.get(rule.rule)
    out: dict[str, Any] = {
        "id": rule.rule,
        "shortDescription": {"text": rule.title or rule.rule},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": {
            "principle": rule.principle,
            "tags": [rule.principle],
            "opportunities": rule.opportunities,
            "violations": rule.violations,
            "pending": rule.pending,
            "compliance": rule.compliance,
        },
    }
    if doc is not None:
        out["fullDescription"] = {"text": doc.description or rule.title or rule.rule}
        if doc.fix:
            out["help"] = {"text": doc.fix}
        if doc.help_uri:
            out["helpUri"] = doc.help_uri
    return out


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    violation = f.status == "violation"
    location: dict[str, Any] = {
        "logicalLocations": [{"name": f.customer_id, "kind": "customer"}],
    }
    if f.file:
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(f.file)}}
        if f.line and f.line > 0:
            physical["region"] = {"startLine": f.line}
        location["physicalLocation"] = physical
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "kind": "fail" if violation else "open",
        "level": LEVEL.get(f.severity, "warning") if violation else "none",
        "message": {"text": f"{f.message} — {f.evidence}" if f.evidence else f.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"status": f.status, "eventId": f.event_id, "ts": f.ts},
    }
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.baseline_state in STATE:
        out["baselineState"] = STATE[f.baseline_state]
    return out


def _fixed(report: AuditReport, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    """The baseline's entries no longer found (rules gone too), as ``absent`` results."""
    if report.baseline is None:
        return
    text = FIXED.get(report.lang, FIXED["en"])
    for e in [*report.baseline.fixed, *report.baseline.unknown_rules]:
        out: dict[str, Any] = {
            "ruleId": e.rule,
            "kind": "pass",
            "level": "none",
            "message": {"text": text.format(e.status)},
            "partialFingerprints": {FINGERPRINT_KEY: e.fingerprint},
            "baselineState": "absent",
            "properties": {"status": e.status, "firstSeen": e.first_seen},
        }
        if e.rule in index:
            out["ruleIndex"] = index[e.rule]
        yield out


def _run_head(report: AuditReport) -> dict[str, Any]:
    source = report.input
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "properties": {
            "asOf": report.as_of,
            "playbook": report.playbook,
            "rowsRead": source.rows_read,
            "rowsChecked": source.rows_checked,
            "rowsRejected": source.rows_rejected,
        },
    }
    if report.exit_code is not None:
        invocation["exitCode"] = report.exit_code
    return {
        "tool": {
            "driver": {
                "name": "huitou",
                "version": __version__,
                "rules": [_descriptor(report, i) for i in range(len(report.rules))],
            }
        },
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": [],
    }


def chunks(report: AuditReport) -> Iterator[str]:
    """The log, streamed: one result per line (an audit can have millions)."""
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [_run_head(report)]}
    head = json.dumps(document, ensure_ascii=False, indent=2)
    before, after = head.split(_PLACEHOLDER, 1)
    index = {r.rule: i for i, r in enumerate(report.rules)}
    yield before + '"results": ['
    first = True
    results = (_result(f, index) for f in report.findings)
    for result in itertools.chain(results, _fixed(report, index)):
        line = json.dumps(result, ensure_ascii=False, sort_keys=True)
        yield ("\n        " if first else ",\n        ") + line
        first = False
    yield ("\n      ]" if not first else "]") + after + "\n"


def render(report: AuditReport) -> str:
    return "".join(chunks(report))
