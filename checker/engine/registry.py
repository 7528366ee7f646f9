"""The closed registry of rule kinds. A kind = a parameter schema + pure functions.

Every kind documents itself (``summary``, ``semantics``); the playbook JSON Schema, ``huitou
explain``, ``huitou rules --kinds`` and the handbook's kind reference are generated from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

    from checker.engine.context import RuleContext
    from checker.engine.outcomes import Outcomes
    from checker.playbook.model import Playbook, Rule

Example = tuple[list[dict[str, str]], list[dict[str, str]]]  # (violating, compliant) events
L10n = dict[str, str]


@dataclass(frozen=True)
class Kind:
    """One rule kind: what its parameters are and how it becomes an Ibis expression. The
    hints for sharing passes (``columns``, ``scope``, ``pass_key``) are optional."""

    name: str
    summary: L10n
    # What a finding is about, and so whose it is (README's kind reference; English).
    names: str  # e.g. "the promise"
    belongs_to: str  # e.g. "the agent who made the promise"
    semantics: str  # the exact definition, in English (developers' reference)
    params_schema: dict[str, Any]
    # The rule's outcomes (one per opportunity) over the table it reads (the event rows, or a
    # window pass): a list of row-wise ``Part``s, which one aggregate counts together with
    # every other rule's, or (kinds that join or aggregate) a table in OUTCOME_SCHEMA.
    outcomes: Callable[[Rule, RuleContext, ir.Table], Outcomes]
    # "What it checks" in one sentence with the live thresholds.
    describe: Callable[[Rule, Playbook, str], str]
    # The evidence sentence of each finding of one rule: its OUTCOME_SCHEMA rows in, one string
    # per row out (vectorised; see checker.engine.kinds._evidence).
    evidence: Callable[[pa.Table, Rule, Playbook, str], pa.Array]
    # A violating and a compliant log snippet for the rule reference (checked by tests).
    example: Callable[[Rule, Playbook], Example]
    # Window columns this kind adds to the shared per-customer pass (keys are unprefixed names);
    # also a per-row value its outcomes read more than once (computed once there).
    # None: the kind reads the event rows as they are.
    columns: Callable[[Rule, RuleContext, ir.Table], dict[str, ir.Value]] | None = None
    # A rule whose windows need an ordering of their own (a range frame, extra partition keys),
    # or that reads only a small share of the events, names the rows they read; it gets a
    # pass over just those rows instead of adding another sort of every event (or more
    # windows over every event) to the shared pass. None (or a None result): the shared pass.
    scope: Callable[[Rule, RuleContext, ir.Table], ir.BooleanValue | None] | None = None
    # Rules whose keys are equal (of any kind) order their rows alike: they share one pass of
    # their own, over the rows any of them reads (e.g. ``BY_CUSTOMER``). None: a pass per rule.
    pass_key: Callable[[Rule], object] | None = None

    def window_columns(self, rule: Rule, ctx: RuleContext, t: ir.Table) -> dict[str, ir.Value]:
        """The window columns ``rule`` adds over ``t`` (none for a kind without any)."""
        return self.columns(rule, ctx, t) if self.columns else {}


_REGISTRY: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.name in _REGISTRY:
        raise ValueError(f"rule kind {kind.name!r} registered twice")
    _REGISTRY[kind.name] = kind
    return kind


def kinds() -> dict[str, Kind]:
    """All rule kinds, by name (importing the kinds package registers them)."""
    import checker.engine.kinds  # noqa: F401  (registers every kind)

    return dict(sorted(_REGISTRY.items()))


def get_kind(name: str) -> Kind:
    found = kinds().get(name)
    if found is None:
        raise KeyError(f"unknown rule kind {name!r}; known: {', '.join(kinds())}")
    return found
