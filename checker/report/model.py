"""The audit result every report format renders: input accounting, summary, findings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reject:
    file: str
    line: int
    reason: str


@dataclass(frozen=True)
class InputSummary:
    rows_read: int
    rows_checked: int
    rows_rejected: int
    rejects: list[Reject]
    files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RuleSummary:
    rule: str
    principle: str
    severity: str
    title: str
    opportunities: int
    violations: int
    pending: int

    @property
    def compliance(self) -> float | None:
        """1 - violations / opportunities; None when the rule never applied."""
        if self.opportunities == 0:
            return None
        return round(1 - self.violations / self.opportunities, 4)


@dataclass(frozen=True)
class Finding:
    rule: str
    principle: str
    severity: str
    status: str  # "violation" or "pending"
    customer_id: str  # pseudonymised unless the report is for internal use
    event_id: str | None
    ts: str | None  # "YYYY-MM-DD HH:MM:SS" in the playbook's time zone
    file: str | None
    line: int | None
    message: str
    evidence: str


@dataclass(frozen=True)
class AuditReport:
    """Everything a format needs. Findings are sorted; the same input gives the same bytes."""

    playbook: str
    as_of: str
    lang: str
    input: InputSummary
    rules: list[RuleSummary]
    findings: list[Finding]  # violations first-class; pending ones are listed too
    principles: dict[str, str] = field(default_factory=dict)  # id -> title in `lang`

    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "violation"]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
