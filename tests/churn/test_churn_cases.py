"""Each reason, the "none" reason and the lapse boundary on a small hand-written log.

The shop playbook lapses a repeat customer 30 days after the last purchase; the audit ends on
2025-03-15 12:00, so a purchase on 2025-02-13 12:00:00 is exactly ``after`` before the end:
not lapsed (lapsed means more than ``after``); one second earlier is lapsed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from checker.churn.model import Churn
from checker.playbook import Playbook
from tests.churn.helpers import churn_of
from tests.reference.files import load, write_playbook

AS_OF = datetime(2025, 3, 15, 12, 0, 0)


def ev(who: str, ts: str, event: str, **extra: Any) -> dict[str, Any]:
    row = {"ts": ts, "customer_id": who, "event": event, "product": "tea", **extra}
    if event not in ("purchase", "complaint", "opt_out"):
        row.setdefault("agent_id", "kf01")
        row.setdefault("channel", "wechat")
    return row


def bought(who: str, last: str) -> list[dict[str, Any]]:
    return [ev(who, "2025-01-01 10:00:00", "purchase"), ev(who, last, "purchase")]


LOG = [
    *bought("edge", "2025-02-13 12:00:00"),
    *bought("just", "2025-02-13 11:59:59"),
    *bought("complainer", "2025-02-01 10:00:00"),
    ev("complainer", "2025-02-02 10:00:00", "complaint"),
    *bought("dropped", "2025-02-01 10:00:00"),
    ev("dropped", "2025-02-03 10:00:00", "price_drop"),
    *bought("pestered", "2025-02-01 10:00:00"),
    *[ev("pestered", f"2025-02-0{d} 10:00:00", "promotion") for d in (3, 5, 7)],
    *bought("quit", "2025-02-01 10:00:00"),
    ev("quit", "2025-02-05 10:00:00", "opt_out"),
    ev("early", "2024-12-20 10:00:00", "opt_out"),  # before the last purchase: not a reason
    *bought("early", "2025-02-01 10:00:00"),
    ev("silent", "2024-10-01 10:00:00", "purchase"),
    ev("silent", "2024-11-01 10:00:00", "purchase"),
    ev("once", "2024-11-01 10:00:00", "purchase"),
]


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Playbook:
    folder: Path = tmp_path_factory.mktemp("shop")
    return load(write_playbook(folder, {"churn": {"after": "30d"}}))


@pytest.fixture(scope="module")
def churn(shop: Playbook) -> Churn:
    return churn_of(LOG, shop, AS_OF)


def reasons(churn: Churn) -> dict[str, list[str]]:
    return {c.customer_id: c.reasons for c in churn.customers}


def test_exactly_after_is_not_lapsed_a_second_more_is(churn: Churn) -> None:
    assert "edge" not in reasons(churn)
    just = next(c for c in churn.customers if c.customer_id == "just")
    assert just.lapsed_on == "2025-03-15" and just.last_purchase == "2025-02-13 11:59:59"


def test_each_reason_and_none(churn: Churn) -> None:
    assert reasons(churn) == {
        "just": ["none"],
        "complainer": ["complaint"],
        "dropped": ["price_drop"],
        "pestered": ["over_contact"],
        "quit": ["opt_out"],
        "early": ["none"],
        "silent": ["silence"],
    }


def test_counts_segments_months_and_order(churn: Churn) -> None:
    assert churn.after == "30d"
    assert churn.repeat_customers == 8 and churn.lapsed == 7
    counted = {r.id: r.customers for r in churn.reasons}
    assert counted == {
        "complaint": 1,
        "price_drop": 1,
        "over_contact": 1,
        "silence": 1,
        "opt_out": 1,
        "none": 2,
    }
    assert [r.title for r in churn.reasons][-1] == "none of these"
    assert [(s.segment, s.customers) for s in churn.by_segment] == [("regular", 7)]
    assert [(m.month, m.customers) for m in churn.by_month] == [
        ("2024-12", 1),
        ("2025-01", 0),
        ("2025-02", 0),
        ("2025-03", 6),
    ]
    lapses = [c.lapsed_on for c in churn.customers]
    assert lapses == sorted(lapses, reverse=True)


def test_the_seed_default_is_180_days_and_titles_follow_the_language() -> None:
    seed = load(None)
    churn = churn_of(LOG, seed, datetime(2025, 7, 20, 0, 0, 0), lang="zh")
    assert churn.after == "180d"
    assert {c.customer_id for c in churn.customers} == {"silent"}  # 2024-11-01 + 180d
    assert churn.reasons[-1].title == "以上都不是"


def test_a_price_drop_event_counts_without_a_violation(tmp_path: Path) -> None:
    """The price-drop reason names the event too: one on another product (no price
    protection violation) still counts when it came after the last purchase."""
    pb = load(write_playbook(tmp_path, {"churn": {"after": "30d"}}))
    log = [*bought("x", "2025-02-01 10:00:00"), ev("x", "2025-02-03 10:00:00", "price_drop")]
    log[-1]["product"] = "cups"
    assert reasons(churn_of(log, pb, AS_OF)) == {"x": ["price_drop"]}
