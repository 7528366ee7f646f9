"""The one user-facing error type and the exit codes it maps to."""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3


@dataclass(frozen=True)
class Problem:
    """One located problem: where (file, line, column or JSON path) and what to do."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        at = f" (at {self.path})" if self.path else ""
        return f"{where}{self.message}{at}"


@dataclass
class HuitouError(Exception):
    """A problem the user can fix: bad input, a broken playbook, wrong usage (exit 2)."""

    summary: str
    problems: list[Problem] = field(default_factory=list)
    exit_code: int = EXIT_USAGE

    def __post_init__(self) -> None:
        super().__init__(self.summary)

    def __str__(self) -> str:
        lines = [self.summary]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)
