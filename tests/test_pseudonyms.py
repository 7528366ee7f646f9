"""`checker.pseudonyms`: keyed stand-ins for customer ids."""

from __future__ import annotations

import hashlib
import hmac

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from checker.playbook.load import load_playbook
from checker.pseudonyms import customer_names, id_key, pseudonymizer


@given(key=st.binary(max_size=150), customer_id=st.text(max_size=40))
def test_pseudonyms_are_hmac_sha256_of_the_id(key: bytes, customer_id: str) -> None:
    digest = hmac.new(key, customer_id.encode("utf-8"), hashlib.sha256).hexdigest()
    assert pseudonymizer(key)(customer_id) == "C-" + digest[:10]


def test_a_report_names_customers_by_pseudonym_unless_ids_are_revealed() -> None:
    pb = load_playbook()
    names = customer_names(pb)
    assert names is not None and customer_names(pb, reveal_ids=True) is None
    ids = pa.array(["C1", "客户甲"], pa.string())
    assert names(ids).to_pylist() == [pseudonymizer(id_key(pb))(c) for c in ids.to_pylist()]
