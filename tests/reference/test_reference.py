"""The reference's own building blocks on hand-computed examples: segments and the diff."""

from __future__ import annotations

from datetime import datetime

from tests.reference.compare import diff
from tests.reference.events import parse_events
from tests.reference.segments import compute_segments

AS_OF = datetime(2025, 6, 30, 12, 0, 0)
CONFIG = {
    "lookback": "365d",
    "precedence": ["vip", "dormant", "regular", "new"],
    "vip": {"top_share": 0.2, "min_orders": 5},
    "dormant": {"no_purchase_for": "180d"},
    "regular": {"min_purchases": 2},
    "new": {"min_purchases": 1},
}


def _purchases(spec: list[tuple[str, str, str | None]]) -> list:
    rows = [
        {"event_id": f"e{i}", "ts": ts, "customer_id": c, "event": "purchase", "amount": amount}
        for i, (c, ts, amount) in enumerate(spec)
    ]
    return parse_events(rows)


def test_equal_spend_is_ranked_by_customer_id() -> None:
    events = _purchases(
        [(c, "2025-06-01 10:00:00", "100") for c in "edcba"] + [("f", "2025-06-01 10:00:00", "100")]
    )
    segments = compute_segments(events, CONFIG, AS_OF)
    # six buyers, 20% of six rounds up to two: the two smallest ids win the tie
    assert [c for c, s in sorted(segments.items()) if s == "vip"] == ["a", "b"]


def test_top_share_is_rounded_before_the_ceiling() -> None:
    events = _purchases([(f"c{i:02}", "2025-06-01 10:00:00", str(i)) for i in range(30)])
    segments = compute_segments(events, {**CONFIG, "vip": {"top_share": 0.1}}, AS_OF)
    assert sorted(c for c, s in segments.items() if s == "vip") == ["c27", "c28", "c29"]


def test_refunds_lower_spend_and_old_buyers_go_dormant() -> None:
    events = _purchases(
        [
            ("a", "2025-06-01 10:00:00", "500"),
            ("b", "2025-06-01 10:00:00", "300"),
            ("c", "2024-12-31 12:00:00", "50"),
            ("c", "2024-12-01 12:00:00", None),
            ("d", "2025-01-01 12:00:00", "50"),
        ]
    )
    refund = parse_events(
        [
            {
                "event_id": "r",
                "ts": "2025-06-02 10:00:00",
                "customer_id": "a",
                "event": "refund",
                "amount": "400",
            }
        ]
    )
    segments = compute_segments([*events, *refund], CONFIG, AS_OF, tiers={"d": "vip"})
    assert segments == {"a": "new", "b": "vip", "c": "dormant", "d": "vip"}


def test_diff_names_what_differs() -> None:
    row = {
        "rule": "r",
        "status": "violation",
        "customer_id": "c1",
        "event_id": "e1",
        "ts": AS_OF,
        "ref_ts": None,
        "deadline": AS_OF,
        "detail": None,
        "count": 3,
        "agent_id": None,
        "channel": None,
    }
    kinds = {"r": "rolling_cap"}
    assert diff([row], [dict(row)], kinds) == ""
    assert "reference only" in diff([], [row], kinds)
    assert diff([row], [{**row, "count": 4}], kinds)
    assert diff([row], [{**row, "status": "ok"}], kinds)
    assert diff([row], [{**row, "agent_id": "a1"}], kinds)  # attribution is compared too
    # counts are compared for violations only; deadlines are not defined for rolling caps
    ok = {**row, "status": "ok"}
    assert diff([ok], [{**ok, "count": None, "deadline": None}], kinds) == ""
    assert diff([row], [{**row, "deadline": None}], {"r": "follow_up"})


def test_many_cheap_orders_do_not_make_a_vip_seed_004() -> None:
    """Seed 004: thirty 9.9-yuan orders spend more than two 99-yuan orders, yet the second
    buyer is the better customer; with a minimum order value only the second is a VIP."""
    cheap = [("bulk", f"2025-05-{1 + i % 28:02} 10:{i:02}:00", "9.9") for i in range(30)]
    dear = [("dear", "2025-05-02 10:00:00", "99"), ("dear", "2025-06-02 10:00:00", "99")]
    one_off = [(f"o{i}", "2025-06-01 10:00:00", "20") for i in range(8)]
    events = _purchases(cheap + dear + one_off)
    config = {**CONFIG, "vip": {"top_share": 0.2, "min_orders": 5, "min_order_value": 50}}
    segments = compute_segments(events, config, AS_OF)
    assert segments["dear"] == "vip"
    assert segments["bulk"] == "regular"
    without = compute_segments(events, CONFIG, AS_OF)  # spend and count alone: reversed
    assert without["bulk"] == "vip"
