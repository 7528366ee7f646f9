from __future__ import annotations

import hashlib
import hmac

from hypothesis import given
from hypothesis import strategies as st

from checker.findings import pseudonymizer


@given(key=st.binary(max_size=150), customer_id=st.text(max_size=40))
def test_pseudonyms_are_hmac_sha256_of_the_id(key: bytes, customer_id: str) -> None:
    digest = hmac.new(key, customer_id.encode("utf-8"), hashlib.sha256).hexdigest()
    assert pseudonymizer(key)(customer_id) == "C-" + digest[:10]
