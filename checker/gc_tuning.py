"""How often Python's cycle collector runs in a huitou process.

Building and compiling Ibis expressions allocates many small, short-lived objects. At
Python's default first threshold (a collection every 700 allocations net of frees), a
small audit runs thousands of collections, and the older generations, which hold every
imported module, are rescanned every 10 and 100 of them: about 8% of a small audit's
time, and of the test run's (measured with ``gc.callbacks``; see benchmarks/README.md).
Collecting every 10,000 allocations keeps the same ratios between generations and drops
that to about 2%. Objects freed by reference counting (nearly all: Arrow tables, query
results) are freed at once as before; only garbage in reference cycles waits a little
longer (the findings-heavy 10M audit's peak memory did not grow).
"""

from __future__ import annotations

import gc

FIRST_THRESHOLD = 10_000  # Python's default is 700
OLDER_THRESHOLDS = (10, 10)  # Python's defaults


def collect_less_often() -> None:
    """Set the collector's thresholds for a huitou process (idempotent)."""
    gc.set_threshold(FIRST_THRESHOLD, *OLDER_THRESHOLDS)
