"""``--baseline`` and ``--write-baseline`` of ``huitou check``: read, compare, update."""

from __future__ import annotations

from pathlib import Path

from checker.baseline.compare import compare, updated
from checker.baseline.store import Baseline, load, write
from checker.report.model import AuditReport


def before_audit(read: Path | None) -> Baseline | None:
    """The baseline at ``read`` (None: none given), read before the audit runs: a corrupt
    or missing one stops the run at once, not after an audit that may take minutes (as a
    damaged history does)."""
    return load(read) if read is not None else None


def apply(
    report: AuditReport, old: Baseline | None, read: Path | None, written: Path | None
) -> AuditReport:
    """``report`` compared with ``old``, the baseline read from ``read`` (see
    `before_audit`); the baseline at ``written`` (if given) then holds this audit's
    findings: known ones keep the as-of they were first seen at, new ones get this audit's,
    fixed ones are pruned. Giving both the same file updates it in place: it was read
    before anything is written."""
    if old is not None and read is not None:
        report = compare(report, old, str(read))
    if written is not None:
        write(written, updated(report, old))
    return report
