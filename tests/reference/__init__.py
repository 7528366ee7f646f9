"""A plain-Python reference implementation of the audit, used to check the engine in tests.

It follows the written semantics of the audit one event at a time, with no Ibis and no SQL,
so that the engine (Ibis on DuckDB) and this code are two independent readings of one contract.
"""

from tests.reference.audit import evaluate
from tests.reference.events import Event, Outcome, parse_events

__all__ = ["Event", "Outcome", "evaluate", "parse_events"]
