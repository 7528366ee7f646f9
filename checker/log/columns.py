"""The log contract: canonical columns and which are required."""

from __future__ import annotations

CANONICAL = (
    "event_id",
    "ts",
    "customer_id",
    "event",
    "channel",
    "agent_id",
    "order_id",
    "product",
    "amount",
    "price",
    "text",
    "ref",
    "due",
)
REQUIRED = ("ts", "customer_id", "event")
CUSTOMER_COLUMNS = ("customer_id", "birthday", "tier")
