"""Engine output -> the report model: messages, evidence, pseudonyms, sorting."""

from __future__ import annotations

import difflib
import hashlib
import hmac
import os
import re
from typing import Any

import pyarrow as pa

from checker.engine.audit import AuditResult
from checker.engine.registry import get_kind
from checker.playbook.model import Playbook
from checker.playbook.text import fill_params
from checker.report.model import AuditReport, Finding, InputSummary, Reject, RuleSummary

ID_KEY_ENV = "HUITOU_ID_KEY"
_UNKNOWN = re.compile(r"unknown event '([^']*)'")


def pseudonym(customer_id: str, key: bytes) -> str:
    """A stable, keyed stand-in for a customer id (HMAC-SHA256), safe to share."""
    return "C-" + hmac.new(key, customer_id.encode("utf-8"), hashlib.sha256).hexdigest()[:10]


def id_key(pb: Playbook) -> bytes:
    """The pseudonym key: ``$HUITOU_ID_KEY`` (keep it secret), else one derived from the
    playbook's name (stable, but guessable: set the variable for shared reports)."""
    return os.environ.get(ID_KEY_ENV, "huitou:" + pb.name["en"]).encode("utf-8")


def _hint(reason: str, pb: Playbook) -> str:
    """Add "did you mean" to unknown events, and drop the trailing separator."""
    known = [*pb.events, *pb.data.get("event_aliases", {})]

    def repl(m: re.Match[str]) -> str:
        close = difflib.get_close_matches(m.group(1), known, n=1, cutoff=0.6)
        tip = f"; did you mean '{close[0]}'?" if close else " (map it under event_aliases)"
        return m.group(0) + tip

    return _UNKNOWN.sub(repl, reason).strip().rstrip(";")


def _rows(table: pa.Table) -> list[dict[str, Any]]:
    return table.to_pylist()


def _ts(value: Any) -> str | None:
    if value is None:
        return None
    v = value  # formatted by hand: strftime is slow for a million findings
    return f"{v.year:04d}-{v.month:02d}-{v.day:02d} {v.hour:02d}:{v.minute:02d}:{v.second:02d}"


def build_report(
    result: AuditResult, pb: Playbook, *, lang: str, reveal_ids: bool = False
) -> AuditReport:
    prep = result.prepared
    rejects = sorted(
        (
            Reject(file=r["file"], line=int(r["line"]), reason=_hint(r["reason"], pb))
            for r in _rows(result.rejects)
        ),
        key=lambda r: (r.file, r.line),
    )
    counts: dict[tuple[str, str], int] = {
        (r["rule"], r["status"]): int(r["n"]) for r in _rows(result.counts)
    }
    summaries = [
        RuleSummary(
            rule=rule.id,
            principle=rule.principle,
            severity=rule.severity,
            title=rule.title[lang],
            opportunities=sum(n for (rid, _), n in counts.items() if rid == rule.id),
            violations=counts.get((rule.id, "violation"), 0),
            pending=counts.get((rule.id, "pending"), 0),
        )
        for rule in pb.rules
    ]
    key = id_key(pb)
    rules = {r.id: r for r in pb.rules}
    messages = {r.id: fill_params(r.message[lang], r.params, lang) for r in pb.rules}
    names: dict[str, str] = {}  # pseudonyms, computed once per customer
    files: dict[str, str] = {}  # one string per input file, not one per finding
    findings = []
    for batch in result.findings.to_batches(max_chunksize=65536):  # bounded peak memory
        for row in batch.to_pylist():
            rule = rules[row["rule"]]
            raw = row["customer_id"]
            if not reveal_ids and raw not in names:
                names[raw] = pseudonym(raw, key)
            findings.append(
                Finding(
                    rule=rule.id,
                    principle=rule.principle,
                    severity=rule.severity,
                    status=row["status"],
                    customer_id=raw if reveal_ids else names[raw],
                    event_id=row["event_id"],
                    ts=_ts(row["ts"]),
                    file=files.setdefault(row["file"], row["file"]),
                    line=row["line"],
                    message=messages[rule.id],
                    evidence=get_kind(rule.kind).evidence(row, rule, pb, lang),
                )
            )
    findings.sort(
        key=lambda f: (
            f.status != "violation",
            f.rule,
            f.file or "",
            f.line or 0,
            f.customer_id,
            f.ts or "",
            f.evidence,
        )
    )
    rejected = len(rejects)
    return AuditReport(
        playbook=" + ".join(
            dict.fromkeys(str(p.parent if p.parent.name else p) for p in pb.sources)
        ),
        as_of=prep.as_of.strftime("%Y-%m-%d %H:%M:%S"),
        lang=lang,
        input=InputSummary(
            rows_read=prep.rows_read,
            rows_checked=prep.rows_read - rejected,
            rows_rejected=rejected,
            rejects=rejects,
        ),
        rules=summaries,
        findings=findings,
        principles={pid: p["title"][lang] for pid, p in pb.principles.items()},
    )
