"""``--baseline`` and ``--write-baseline`` of ``huitou check``: read, compare, update."""

from __future__ import annotations

from pathlib import Path

from checker.baseline.compare import compare, updated
from checker.baseline.store import Baseline, load, write
from checker.report.model import AuditReport


def apply(report: AuditReport, read: Path | None, written: Path | None) -> AuditReport:
    """``report`` compared with the baseline at ``read`` (if given); the baseline at
    ``written`` (if given) then holds this audit's findings: known ones keep the as-of they
    were first seen at, new ones get this audit's, fixed ones are pruned. Giving both the
    same file updates it in place. The baseline is read before anything is written."""
    old: Baseline | None = load(read) if read is not None else None
    if old is not None and read is not None:
        report = compare(report, old, str(read))
    if written is not None:
        write(written, updated(report, old))
    return report
