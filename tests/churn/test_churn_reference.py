"""The engine's churn section against the plain-Python reference (`tests.reference.churn`)
on generated logs: the same lapsed customers with the same facts and reasons. Each example
audits a batch of generated logs as one log (see `tests.reference.batches`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings

from checker.playbook import Playbook
from tests.churn.helpers import churn_of
from tests.hypothesis_profiles import examples
from tests.reference import evaluate
from tests.reference.audit import build_context
from tests.reference.batches import batched_logs, batches_for
from tests.reference.churn import lapsed
from tests.reference.files import load, write_playbook
from tests.reference.strategies import Log, logs

# Short enough for the generated logs (spans of days to months) to lapse customers often.
SHOP = {"churn": {"after": "7d"}, "segments": {"dormant": {"no_purchase_for": "7d"}}}


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Playbook:
    return load(write_playbook(tmp_path_factory.mktemp("churn-shop"), SHOP))


def _compare(log: Log, pb: Playbook) -> int:
    ctx = build_context(log.rows, pb, customers=log.customers, as_of=log.as_of)
    if ctx is None:
        return 0
    outcomes = evaluate(log.rows, pb, customers=log.customers, as_of=log.as_of)
    tiers = {str(c["customer_id"]): str(c.get("tier") or "") for c in log.customers}
    expected = lapsed(ctx, outcomes, pb, tiers)
    churn = churn_of(log.rows, pb, log.as_of, log.customers)
    got = {
        c.customer_id: {
            "segment": c.segment,
            "purchases": c.purchases,
            "last_purchase": c.last_purchase,
            "lapsed_on": c.lapsed_on,
            "reasons": sorted(c.reasons),
        }
        for c in churn.customers
    }
    assert got == expected, f"as_of={log.as_of}\nrows={log.rows}"
    assert churn.lapsed == len(expected)
    buyers: dict[str, int] = {}
    for e in ctx.events:
        buyers[e.customer_id] = buyers.get(e.customer_id, 0) + (e.event == "purchase")
    assert churn.repeat_customers == sum(n >= 2 for n in buyers.values())
    return len(expected)


@settings(
    max_examples=examples(batches_for(25)),  # 25 generated logs or more (ten times at night)
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(log=batched_logs())
def test_engine_agrees_with_the_reference(shop: Playbook, log: Log) -> None:
    _compare(log, shop)


def test_the_comparison_sees_lapses(shop: Playbook) -> None:
    """Not a comparison of empty lists: generated logs do lapse customers, with reasons. The
    first such log will do: shrinking it (hundreds of reference audits) proves nothing more."""
    first = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate])
    found = find(logs(), lambda log: _lapses_with_reason(log, shop), settings=first)
    assert _compare(found, shop) >= 1


def _lapses_with_reason(log: Log, pb: Playbook) -> bool:
    """By the reference alone (cheap): some lapsed customer has a reason other than none."""
    ctx = build_context(log.rows, pb, customers=log.customers, as_of=log.as_of)
    if ctx is None:
        return False
    outcomes = evaluate(log.rows, pb, customers=log.customers, as_of=log.as_of)
    return any(c["reasons"] != ["none"] for c in lapsed(ctx, outcomes, pb).values())
