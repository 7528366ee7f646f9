"""Engine output -> the report model: messages, evidence, pseudonyms, sorting (columnar)."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from checker.engine.audit import AuditResult
from checker.engine.kinds._evidence import ts_text
from checker.engine.registry import get_kind
from checker.playbook.model import Playbook, Rule
from checker.playbook.text import fill_params
from checker.report.model import (
    FINDING_SCHEMA,
    AuditReport,
    FindingTable,
    InputSummary,
    Reject,
    RuleSummary,
)

ID_KEY_ENV = "HUITOU_ID_KEY"
_UNKNOWN = re.compile(r"unknown event '([^']*)'")


def pseudonymizer(key: bytes) -> Callable[[str], str]:
    """Customer id -> a stable, keyed stand-in (HMAC-SHA256, RFC 2104), safe to share. The
    key's inner and outer hash states are computed once; each id copies them (hundreds of
    thousands of ids: far cheaper than a new ``hmac`` object each)."""
    block = hashlib.sha256().block_size
    padded = (hashlib.sha256(key).digest() if len(key) > block else key).ljust(block, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded)).copy
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded)).copy

    def pseudonym(customer_id: str) -> str:
        h = inner()
        h.update(customer_id.encode("utf-8"))
        o = outer()
        o.update(h.digest())
        return "C-" + o.hexdigest()[:10]

    return pseudonym


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


def _customers(ids: pa.ChunkedArray, key: bytes | None) -> pa.Array:
    """Pseudonyms (one HMAC per distinct customer), or the raw ids when ``key`` is None."""
    if key is None:
        return ids.combine_chunks()
    encoded = ids.combine_chunks().dictionary_encode()
    pseudonym = pseudonymizer(key)
    names = [pseudonym(c) for c in encoded.dictionary.to_pylist()]
    return pc.take(pa.array(names, pa.string()), encoded.indices)


def _evidence_of(
    rows: pa.Table, rules: dict[str, Rule], pb: Playbook, lang: str, pool: Executor
) -> Callable[[], pa.Array]:
    """Each rule's kind writes the evidence of that rule's rows (``rows`` sorted by rule),
    rule by rule on ``pool`` (Arrow's string kernels run outside the GIL); the returned
    function waits for them and joins them in order."""
    jobs = []
    at = 0
    for group in rows.group_by("rule").aggregate([("rule", "count")]).sort_by("rule").to_pylist():
        rule, n = rules[group["rule"]], group["rule_count"]
        kind = get_kind(rule.kind)
        jobs.append((rule, n, pool.submit(kind.evidence, rows.slice(at, n), rule, pb, lang)))
        at += n

    def joined() -> pa.Array:
        parts = []
        for rule, n, job in jobs:
            text = job.result()
            if len(text) != n or text.null_count:
                raise RuntimeError(f"evidence of {rule.id}: {text.null_count} missing of {n}")
            parts.append(text)
        return pa.concat_arrays(parts) if parts else pa.array([], pa.string())

    return joined


def _findings(result: AuditResult, pb: Playbook, lang: str, key: bytes | None) -> FindingTable:
    """Engine rows -> the sorted finding table, column by column."""
    rules = {r.id: r for r in pb.rules}
    # Rows grouped by rule (the engine usually hands them over so).
    rows = result.findings
    names = rows["rule"]
    if len(rows) > 1 and not pc.all(pc.less_equal(names[:-1], names[1:])).as_py():
        rows = rows.take(pc.sort_indices(rows, [("rule", "ascending")]))
    # Pseudonyms (Python) and evidence (Arrow kernels, rule by rule) side by side.
    with ThreadPoolExecutor(max(2, os.cpu_count() or 1)) as pool:
        customers = pool.submit(_customers, rows["customer_id"], key)
        evidence = _evidence_of(rows, rules, pb, lang, pool)
        base = pa.table(
            {
                "rule": rows["rule"],
                "status": rows["status"],
                "customer_id": customers.result(),
                "event_id": rows["event_id"],
                "ts": ts_text(rows["ts"]),
                "file": rows["file"],
                "line": rows["line"],
                "evidence": evidence(),
            }
        )
    # The order of the report: violations first, then by rule, place, customer, time, evidence
    # (a stable sort; Arrow compares UTF-8 bytes, which is code point order, as Python does).
    keys = pa.table(
        {
            "pending": pc.not_equal(base["status"], "violation"),
            "rule": base["rule"],
            "file": pc.fill_null(base["file"], ""),
            "line": pc.fill_null(base["line"], 0),
            "customer_id": base["customer_id"],
            "ts": pc.fill_null(base["ts"], ""),
            "evidence": base["evidence"],
        }
    )
    base = base.take(pc.sort_indices(keys, [(name, "ascending") for name in keys.column_names]))
    # What follows from the rule alone is looked up once the rows are in order.
    at = pc.index_in(base["rule"], pa.array(list(rules), pa.string()))

    def per_rule(values: list[str]) -> pa.ChunkedArray | pa.Array:
        return pc.take(pa.array(values, pa.string()), at)

    by_rule = {
        "principle": per_rule([r.principle for r in rules.values()]),
        "severity": per_rule([r.severity for r in rules.values()]),
        "message": per_rule([fill_params(r.message[lang], r.params, lang) for r in rules.values()]),
    }
    columns = {
        name: by_rule[name] if name in by_rule else base[name] for name in FINDING_SCHEMA.names
    }
    return FindingTable(pa.table(columns, schema=FINDING_SCHEMA))


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
    findings = _findings(result, pb, lang, None if reveal_ids else id_key(pb))
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
