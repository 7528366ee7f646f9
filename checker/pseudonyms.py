"""Customers as a shared report names them: keyed pseudonyms (HMAC-SHA256), safe to share."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

import pyarrow as pa

from checker.engine.report_order import CustomerNames
from checker.playbook.model import Playbook

ID_KEY_ENV = "HUITOU_ID_KEY"


def pseudonymizer(key: bytes) -> Callable[[str], str]:
    """Customer id -> a stable, keyed stand-in (HMAC-SHA256, RFC 2104), safe to share. The
    key's inner and outer hash states are computed once; each id copies them (hundreds of
    thousands of ids: far cheaper than a new ``hmac`` object each)."""
    block = hashlib.sha256().block_size
    padded = (hashlib.sha256(key).digest() if len(key) > block else key).ljust(block, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded)).copy
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded)).copy

    def pseudonym(customer_id: str) -> str:
        h = inner()
        h.update(customer_id.encode("utf-8"))
        o = outer()
        o.update(h.digest())
        return "C-" + o.hexdigest()[:10]

    return pseudonym


def id_key(pb: Playbook) -> bytes:
    """The pseudonym key: ``$HUITOU_ID_KEY`` (keep it secret), else one derived from the
    playbook's name (stable, but guessable: set the variable for shared reports)."""
    return os.environ.get(ID_KEY_ENV, "huitou:" + pb.name["en"]).encode("utf-8")


def customer_names(pb: Playbook, reveal_ids: bool = False) -> CustomerNames | None:
    """How a report names customers: keyed pseudonyms (one HMAC per distinct id), or the
    raw ids (None) when ``reveal_ids``."""
    if reveal_ids:
        return None
    pseudonym = pseudonymizer(id_key(pb))

    def names(ids: pa.Array) -> pa.Array:
        return pa.array([pseudonym(c) for c in ids.to_pylist()], pa.string())

    return names
