"""The playbook's ``churn`` section, read: when a repeat customer has lapsed, and the reasons.

Nothing here names a rule: every reason's rules, rule kinds and events are playbook data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from checker.durations import parse_duration
from checker.playbook.model import Playbook

# Six of seed 001's monthly keep-in-touch contacts, four gaps of the seed's keep-in-touch rule
# (45d), and the seed's dormant segment: see the seed playbook's `churn` comment and README.
DEFAULT_AFTER = "180d"
MIN_PURCHASES = 2  # seed 002: a repeat buyer has bought two or more times
NONE = "none"  # the reason of a lapsed customer whom no reason matched
NONE_TITLE = {"zh": "以上都不是", "en": "none of these"}


def event_column(i: int) -> str:
    """The lapsed-customer column saying whether they had an event of the ``i``-th reason."""
    return f"reason_event_{i}"


@dataclass(frozen=True)
class Reason:
    """What counts as one reason: a violation of one of ``rules`` or of a rule of one of
    ``kinds`` up to the lapse, or one of ``events`` of the customer after their last purchase
    and up to the lapse."""

    id: str
    title: dict[str, str]
    rules: tuple[str, ...]
    kinds: tuple[str, ...]
    events: tuple[str, ...]

    def rule_ids(self, pb: Playbook) -> list[str]:
        """The enabled rules whose violations count: those named, and those of the kinds."""
        return [r.id for r in pb.rules if r.id in self.rules or r.kind in self.kinds]


@dataclass(frozen=True)
class ChurnSpec:
    after_text: str  # as the playbook writes it
    reasons: tuple[Reason, ...]
    none_title: dict[str, str]

    @property
    def after(self) -> timedelta:
        return parse_duration(self.after_text)

    def title(self, reason_id: str, lang: str) -> str:
        titles = {r.id: r.title for r in self.reasons}.get(reason_id, self.none_title)
        return titles.get(lang) or titles.get("en") or reason_id


def churn_spec(pb: Playbook) -> ChurnSpec:
    """The playbook's churn settings (the defaults where it says nothing)."""
    data = pb.data.get("churn") or {}
    reasons = tuple(
        Reason(
            id=str(r["id"]),
            title=dict(r["title"]),
            rules=tuple(r.get("rules") or ()),
            kinds=tuple(r.get("kinds") or ()),
            events=tuple(r.get("events") or ()),
        )
        for r in data.get("reasons") or []
    )
    return ChurnSpec(
        after_text=str(data.get("after", DEFAULT_AFTER)),
        reasons=reasons,
        none_title=dict(data.get("none") or NONE_TITLE),
    )
