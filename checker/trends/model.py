"""Counts of outcomes, as the trends carry them: per week, or per audit in the history."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Counted:
    """Opportunities, violations and pending findings of some rules."""

    opportunities: int = 0
    violations: int = 0
    pending: int = 0

    @property
    def compliance(self) -> float | None:
        """1 - violations / opportunities, rounded to 4 places, as the summary's; None
        without an opportunity."""
        if self.opportunities == 0:
            return None
        return round(1 - self.violations / self.opportunities, 4)

    def __add__(self, other: Counted) -> Counted:
        return Counted(
            self.opportunities + other.opportunities,
            self.violations + other.violations,
            self.pending + other.pending,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "opportunities": self.opportunities,
            "violations": self.violations,
            "pending": self.pending,
            "compliance": self.compliance,
        }


def total(cells: list[Counted]) -> Counted:
    out = Counted()
    for cell in cells:
        out = out + cell
    return out


@dataclass(frozen=True)
class Trends:
    """Per principle and per rule, one count for each week (its Monday, ``YYYY-MM-DD``) from
    the first to the last week with an outcome; a week without one counts zeros."""

    weeks: list[str] = field(default_factory=list)
    principles: dict[str, list[Counted]] = field(default_factory=dict)
    rules: dict[str, list[Counted]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        def series(cells: list[Counted]) -> list[dict[str, Any]]:
            return [{"week": w, **c.as_dict()} for w, c in zip(self.weeks, cells, strict=True)]

        return {
            "weeks": list(self.weeks),
            "principles": {p: series(cells) for p, cells in self.principles.items()},
            "rules": {r: series(cells) for r, cells in self.rules.items()},
        }
