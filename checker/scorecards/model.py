"""Scorecards: how each agent (and each channel) did, rule by rule, and the seed-004 KPIs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Score:
    """Outcomes of some rules for one agent or channel, and its share of the shop's findings
    (violations and pending) of the same rules; None when the shop has none."""

    opportunities: int
    violations: int
    pending: int
    share: float | None

    @property
    def compliance(self) -> float | None:
        """1 - violations / opportunities (as a rule's), None when there was no opportunity."""
        if self.opportunities == 0:
            return None
        return round(1 - self.violations / self.opportunities, 4)

    def as_dict(self) -> dict[str, Any]:
        return {
            "opportunities": self.opportunities,
            "violations": self.violations,
            "pending": self.pending,
            "compliance": self.compliance,
            "share": self.share,
        }


@dataclass(frozen=True)
class Kpis:
    """Seed 004's review of an agent, from the log (see README "Scorecards and KPIs")."""

    inquiries: int  # answered, whose conversion window has closed (or that converted)
    converted: int  # followed by a purchase of the same customer within kpi.conversion_within
    orders: int  # purchases carrying the agent's id, with a paid amount
    order_mean: float | None
    order_median: float | None
    complaints: int  # opportunities of kpi.complaint_rule attributed to the agent, closed
    resolved_in_time: int

    @property
    def conversion(self) -> float | None:
        return round(self.converted / self.inquiries, 4) if self.inquiries else None

    @property
    def resolved_share(self) -> float | None:
        return round(self.resolved_in_time / self.complaints, 4) if self.complaints else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "inquiries": self.inquiries,
            "converted": self.converted,
            "conversion": self.conversion,
            "orders": self.orders,
            "order_value_mean": self.order_mean,
            "order_value_median": self.order_median,
            "complaints": self.complaints,
            "resolved_in_time": self.resolved_in_time,
            "resolved_share": self.resolved_share,
        }


NO_KPIS = Kpis(0, 0, 0, None, None, 0, 0)


@dataclass(frozen=True)
class Scorecard:
    """One agent's (or channel's) card: in total, per principle and per rule."""

    who: str
    total: Score
    principles: dict[str, Score]
    rules: dict[str, Score]
    kpis: Kpis | None = None  # agents only

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            **self.total.as_dict(),
            "principles": {p: s.as_dict() for p, s in self.principles.items()},
            "rules": {r: s.as_dict() for r, s in self.rules.items()},
        }
        if self.kpis is not None:
            out["kpi"] = self.kpis.as_dict()
        return out


@dataclass(frozen=True)
class Scorecards:
    agents: list[Scorecard] = field(default_factory=list)
    channels: list[Scorecard] = field(default_factory=list)

    def by(self, what: str) -> list[Scorecard]:
        """``agent`` or ``channel``."""
        return self.agents if what == "agent" else self.channels

    def as_dict(self) -> dict[str, Any]:
        return {
            "agents": {c.who: c.as_dict() for c in self.agents},
            "channels": {c.who: c.as_dict() for c in self.channels},
        }
