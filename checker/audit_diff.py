"""Two audits compared by fingerprint: per rule, what is new, fixed, unchanged or changed.

Reads two JSON reports (``huitou check --format json``); plain ``json``, so ``huitou diff``
starts without the engine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import HuitouError, Problem

Finding = dict[str, Any]


@dataclass
class RuleDiff:
    new: list[Finding] = field(default_factory=list)  # in NEW only
    fixed: list[Finding] = field(default_factory=list)  # in OLD only
    unchanged: int = 0  # in both, same status
    changed: list[tuple[Finding, Finding]] = field(default_factory=list)  # status differs


def read_findings(path: Path) -> dict[str, Finding]:
    """A JSON report's findings by fingerprint; exit 2 naming the file when it is not one."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise HuitouError("cannot read a report", [Problem(str(exc.strerror), str(path))]) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        problem = Problem(f"not JSON: {exc}", str(path), line)
        raise HuitouError("not a huitou JSON report", [problem]) from exc
    findings = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(findings, list):
        hint = "write it with huitou check --format json"
        raise HuitouError(
            "not a huitou JSON report", [Problem(f"no findings list; {hint}", str(path))]
        )
    out: dict[str, Finding] = {}
    problems = []
    for i, f in enumerate(findings):
        if not isinstance(f, dict) or not isinstance(f.get("fingerprint"), str):
            what = "a finding without a fingerprint: re-run the audit with this huitou version"
            problems.append(Problem(what, str(path), path=f"findings[{i}]"))
        else:
            out[f["fingerprint"]] = f
    if problems:
        raise HuitouError("cannot compare these reports", problems[:20])
    return out


def compare(old: dict[str, Finding], new: dict[str, Finding]) -> dict[str, RuleDiff]:
    """Per rule (sorted), how NEW differs from OLD."""
    rules: dict[str, RuleDiff] = {}
    for fp, f in new.items():
        d = rules.setdefault(f["rule"], RuleDiff())
        before = old.get(fp)
        if before is None:
            d.new.append(f)
        elif before.get("status") == f.get("status"):
            d.unchanged += 1
        else:
            d.changed.append((before, f))
    for fp, f in old.items():
        if fp not in new:
            rules.setdefault(f["rule"], RuleDiff()).fixed.append(f)
    return dict(sorted(rules.items()))


def as_json(diff: dict[str, RuleDiff]) -> dict[str, Any]:
    def brief(f: Finding) -> dict[str, Any]:
        keys = ("fingerprint", "status", "customer_id", "event_id", "ts", "message", "evidence")
        return {k: f.get(k) for k in keys}

    return {
        "new": sum(len(d.new) for d in diff.values()),
        "fixed": sum(len(d.fixed) for d in diff.values()),
        "changed": sum(len(d.changed) for d in diff.values()),
        "unchanged": sum(d.unchanged for d in diff.values()),
        "rules": {
            rule: {
                "new": [brief(f) for f in d.new],
                "fixed": [brief(f) for f in d.fixed],
                "changed": [
                    {
                        "fingerprint": b["fingerprint"],
                        "from": a.get("status"),
                        "to": b.get("status"),
                    }
                    for a, b in d.changed
                ],
                "unchanged": d.unchanged,
            }
            for rule, d in diff.items()
        },
    }
