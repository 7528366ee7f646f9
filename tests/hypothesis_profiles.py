"""Hypothesis profiles: ``ci`` (the default) and ``nightly`` (ten times the examples), chosen by
the ``HYPOTHESIS_PROFILE`` environment variable (loaded by ``tests/conftest.py``).

A test states its example count for the CI run as ``max_examples=examples(60)``: the same 60
in CI, 600 at night.
"""

from __future__ import annotations

import os

from hypothesis import settings

DEPTH = {"ci": 1, "nightly": 10}
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in DEPTH:
    raise ValueError(f"HYPOTHESIS_PROFILE={PROFILE!r}: choose one of {', '.join(DEPTH)}")

settings.register_profile("ci", deadline=None, print_blob=True)
settings.register_profile("nightly", parent=settings.get_profile("ci"), max_examples=1000)


def load() -> None:
    settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """``n`` examples in CI, more in the nightly run."""
    return n * DEPTH[PROFILE]
