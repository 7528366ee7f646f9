"""A finding's fingerprint: the same lapse, the same fingerprint, however the log is re-made.

    fingerprint = first 16 hex digits of SHA-256("huitou-fp-1" LF rule LF customer LF anchor)

``customer`` is the customer's keyed pseudonym (HMAC-SHA256 with ``$HUITOU_ID_KEY``, see
`checker.pseudonyms`), so a fingerprint reveals no customer id, even with ``--reveal-ids``;
``anchor`` is what the finding is about (an event by its id or its own content, or a
period: see `checker.engine.identity`). Neither the file name, the line, the status nor the
audit's end goes in: a pending finding that becomes a violation keeps its fingerprint.
A finding about a staff account and a period (``agent_quota``) names no customer: its
``customer`` is the empty text, and its anchor names the account and the period.
"""

from __future__ import annotations

import hashlib

import pyarrow as pa
import pyarrow.compute as pc

VERSION = "huitou-fp-1"
DIGITS = 16


def fingerprint(rule: str, customer: str, anchor: str) -> str:
    """One fingerprint (the recipe above)."""
    text = "\n".join((VERSION, rule, customer, anchor))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS]


def fingerprints(rule: pa.Array, customer: pa.Array, anchor: pa.Array) -> pa.Array:
    """The fingerprint of each finding (``customer``: keyed pseudonyms)."""
    customer = pc.fill_null(customer, "")
    joined = pc.binary_join_element_wise(VERSION, rule, customer, anchor, "\n").to_pylist()
    digests = [hashlib.sha256(t.encode("utf-8")).hexdigest()[:DIGITS] for t in joined]
    return pa.array(digests, pa.string())
