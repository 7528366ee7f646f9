"""The playbook as the rest of the program sees it: a validated, merged document."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.playbook.positions import JsonPath, Positions, locate

LANGS = ("zh", "en")
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    """One rule of a playbook: a kind from the registry plus that kind's parameters."""

    id: str
    principle: str
    severity: str
    kind: str
    params: dict[str, Any]
    title: dict[str, str]
    message: dict[str, str]
    fix: dict[str, str]
    enabled: bool = True
    why: dict[str, str] = field(default_factory=dict)  # why this rule serves its principle


@dataclass
class Playbook:
    """A merged playbook (a shop's on top of the seed) with the position of every value."""

    data: dict[str, Any]
    positions: Positions = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)

    @property
    def name(self) -> dict[str, str]:
        return self.data["name"]

    @property
    def timezone(self) -> str:
        return self.data.get("timezone", "Asia/Shanghai")

    @property
    def language(self) -> str:
        return self.data.get("language", "zh")

    @property
    def principles(self) -> dict[str, dict[str, Any]]:
        return self.data["principles"]

    @property
    def events(self) -> dict[str, dict[str, Any]]:
        return self.data["events"]

    @property
    def all_rules(self) -> list[Rule]:
        return [
            Rule(
                id=rule_id,
                principle=body["principle"],
                severity=body["severity"],
                kind=body["kind"],
                params=body.get("params", {}),
                title=body["title"],
                message=body["message"],
                fix=body.get("fix", {}),
                enabled=body.get("enabled", True),
                why=body.get("why", {}),
            )
            for rule_id, body in sorted(self.data.get("rules", {}).items())
        ]

    @property
    def rules(self) -> list[Rule]:
        """The rules that are switched on, sorted by id."""
        return [r for r in self.all_rules if r.enabled]

    def rule(self, rule_id: str) -> Rule:
        for r in self.all_rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def group(self, name: str) -> list[str]:
        """Canonical events in a group (``marketing``, ``care``...) or of an actor (``shop``)."""
        return sorted(
            e for e, spec in self.events.items() if name in (spec.get("group"), spec.get("actor"))
        )

    def expand(self, selectors: list[str]) -> list[str]:
        """Event selectors to event names: ``@marketing`` expands to the group's events."""
        out: set[str] = set()
        for s in selectors:
            out.update(self.group(s[1:]) if s.startswith("@") else [s])
        return sorted(out)

    def event_label(self, event: str, lang: str) -> str:
        spec = self.events.get(event)
        return spec[lang] if spec else event

    def source_of(self, path: JsonPath) -> tuple[str | None, int | None]:
        """File and line where the value at ``path`` was written."""
        return locate(self.positions, path)
