"""The audit result every report format renders: input accounting, summary, findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from checker.batches import BATCH, Batches
from checker.report.show import DEFAULT_SHOW
from checker.scorecards.model import Scorecards
from checker.trends.model import Trends

if TYPE_CHECKING:
    from checker.baseline.compare import BaselineResult
    from checker.churn.model import Churn


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
class RuleDoc:
    """What a rule checks and how to fix a finding, from the playbook (SARIF shows them)."""

    description: str
    fix: str
    help_uri: str | None = None  # the rule's handbook entry, when a site URL is given
    why: str = ""  # why the rule serves its principle (the HTML report shows it)


@dataclass(frozen=True)
class Finding:
    rule: str
    principle: str
    severity: str
    status: str  # "violation" or "pending"
    customer_id: str  # pseudonymised unless the report is for internal use
    event_id: str | None
    fingerprint: str  # the same lapse, the same fingerprint (see `checker.fingerprints`)
    baseline_state: str | None  # "new" or "known" against a baseline (see `checker.baseline`)
    ts: str | None  # "YYYY-MM-DD HH:MM:SS" in the playbook's time zone
    file: str | None
    line: int | None
    message: str
    evidence: str
    # Attribution (see README "Attribution"): the agent and channel of the event that names
    # the finding; UNASSIGNED when the log names none.
    agent_id: str = "unassigned"
    channel: str = "unassigned"


UNASSIGNED = "unassigned"
FINDING_SCHEMA = pa.schema(
    [(f.name, pa.int64() if f.name == "line" else pa.string()) for f in fields(Finding)]
)


class FindingTable:
    """Findings as columns (Arrow batches with the fields of ``Finding``, in that order), read
    a batch at a time from memory or from a file on disk (see `checker.batches`): a million
    findings cost no million objects, and need not be in memory at once. A sequence: ``len``,
    iteration (``Finding`` objects, a batch at a time), indexing, ``reversed``, and equality
    with another table or a list of ``Finding``."""

    __slots__ = ("rows",)

    def __init__(self, rows: pa.Table | Batches) -> None:
        rows = rows if isinstance(rows, Batches) else Batches.of(rows)
        if rows.schema != FINDING_SCHEMA:
            raise ValueError(f"findings need the schema {FINDING_SCHEMA}, not {rows.schema}")
        self.rows = rows

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> FindingTable:
        """A table of ``Finding`` objects (as tests and small reports build them)."""
        rows = list(findings)
        return cls(
            pa.table(
                {name: [getattr(f, name) for f in rows] for name in FINDING_SCHEMA.names},
                schema=FINDING_SCHEMA,
            )
        )

    @property
    def table(self) -> pa.Table:
        """Every finding in memory at once (tests, and formats that hold them all anyway)."""
        return self.rows.read_all()

    def batches(self, size: int = BATCH) -> Iterator[pa.RecordBatch]:
        """The findings in order, at most ``size`` at a time (never all in memory)."""
        return self.rows.batches(size)

    def __len__(self) -> int:
        return len(self.rows)

    def _objects(self, batch: pa.RecordBatch) -> list[Finding]:
        return list(map(Finding, *(column.to_pylist() for column in batch.columns)))

    def __iter__(self) -> Iterator[Finding]:
        for batch in self.batches(BATCH):  # objects made a batch at a time
            yield from self._objects(batch)

    def __reversed__(self) -> Iterator[Finding]:
        for batch in reversed(list(self.batches(BATCH))):
            yield from reversed(self._objects(batch))

    def __getitem__(self, index: int) -> Finding:
        if not -len(self) <= index < len(self):
            raise IndexError(f"finding {index} of {len(self)}")
        at = index % len(self)
        for batch in self.batches():
            if at < batch.num_rows:
                return self._objects(batch.slice(at, 1))[0]
            at -= batch.num_rows
        raise IndexError(f"finding {index} of {len(self)}")  # the source changed meanwhile

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FindingTable):
            return self.table.equals(other.table)
        if isinstance(other, list | tuple):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FindingTable({len(self)} findings)"

    def where(self, name: str, value: str) -> FindingTable:
        """The findings whose column ``name`` equals ``value``, in order (read when used)."""
        return FindingTable(
            self.rows.filter(lambda b: pc.fill_null(pc.equal(b[name], value), False))
        )

    def mapped(self, fn: Callable[[pa.RecordBatch], pa.RecordBatch]) -> FindingTable:
        """Each batch of findings through ``fn`` (the same findings, changed), when read."""
        return FindingTable(self.rows.map(fn, FINDING_SCHEMA))

    def distinct(self, name: str) -> list[Any]:
        """The values of one column, each once, in order of first appearance."""
        return self.distinct_where(name)

    def distinct_where(self, name: str, **equal: str) -> list[Any]:
        """The values of column ``name``, each once, of the findings whose columns equal
        ``equal``'s values (one pass over the findings, reading only those columns)."""
        seen: dict[Any, None] = {}
        for batch in self.batches():
            column = batch[name]
            if equal:
                tests = [pc.fill_null(pc.equal(batch[c], v), False) for c, v in equal.items()]
                keep = tests[0]
                for test in tests[1:]:
                    keep = pc.and_(keep, test)
                column = column.filter(keep)
            seen.update(dict.fromkeys(pc.unique(column).to_pylist()))
        return list(seen)


@dataclass(frozen=True)
class AuditReport:
    """Everything a format needs. Findings are sorted; the same input gives the same bytes."""

    playbook: str
    as_of: str
    lang: str
    input: InputSummary
    rules: list[RuleSummary]
    # Violations first-class; pending ones are listed too. A list of Finding is accepted and
    # stored as a table.
    findings: FindingTable
    principles: dict[str, str] = field(default_factory=dict)  # id -> title in `lang`
    # Against --baseline: new/known/fixed (see `checker.baseline.compare`); None without.
    baseline: BaselineResult | None = None
    exit_code: int | None = None  # the audit's, as `huitou check` returns it (SARIF shows it)
    show: int | None = DEFAULT_SHOW  # examples per rule (None: all; see `show_count`)
    rule_docs: dict[str, RuleDoc] = field(default_factory=dict)  # rule id -> its texts
    scorecards: Scorecards | None = None  # per agent and channel (see `checker.scorecards`)
    churn: Churn | None = None  # lapsed repeat customers and why (see `checker.churn`)
    trends: Trends | None = None  # by week within the log (see `checker.trends.weekly`)
    # With --history: past audits' summaries, oldest first, this one last (see
    # `checker.trends.history`); None without.
    history: list[dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.findings, FindingTable):
            object.__setattr__(self, "findings", FindingTable.of(self.findings))

    def violations(self) -> FindingTable:
        return self.findings.where("status", "violation")

    def shown(self, found: int) -> int:
        """How many of a rule's ``found`` findings a format lists (``--show``; None: all)."""
        return found if self.show is None else min(self.show, found)
