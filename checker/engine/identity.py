"""What a finding is about, independent of where the log put it: its anchor.

A finding's fingerprint (see `checker.fingerprints`) hashes its rule, its customer (keyed)
and this anchor, so that the same lapse is recognised when an export is re-made with its rows
in another order, split or renamed, extended with later days, or audited with a later
``--as-of``. The anchor is, in this order of preference:

- ``id:<event_id>``: the event's own id, where the log gave one;
- ``event:<ts>|<event>|<order_id>``: the event's own content, where the log gave no id (its
  default id, ``FILE:LINE``, would change when rows move);
- ``period:<ts>|<detail>``: for a finding about a period with no event of its own (a missed
  birthday or holiday, a silence): the period's start and what it is (the holiday's key).

Never a file name or line number.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import pyarrow.compute as pc

from checker.engine.event_ids import EventIds
from checker.engine.kinds._evidence import ts_text
from checker.log.event_flags import event_of
from checker.log.places import seq_of
from checker.playbook.model import Playbook

TS_FORMAT = "%Y-%m-%d %H:%M:%S"


def with_content(rows: ir.Table, pb: Playbook) -> ir.Table:
    """``rows`` (as read, ``event_id`` NULL where the log has none) with a ``content``
    column: the row's own time, event and order for a row without an id, else NULL (so a
    log with ids costs nothing but a column of NULLs)."""
    event = rows.event if "event" in rows.columns else event_of(rows.event_flag, pb)
    own = (
        rows.ts.strftime(TS_FORMAT) + "|" + event.fill_null("") + "|" + rows.order_id.fill_null("")
    )
    return rows.mutate(content=ibis.ifelse(rows.event_id.isnull(), own, ibis.null("string")))


def anchors(found: pa.Table, event_ids: EventIds) -> pa.Array:
    """The anchor of each finding of ``found`` (outcome rows: ``event_id``, ``file_no``,
    ``line``, ``ts``, ``detail``), the event's content looked up by its row in
    ``event_ids``."""
    n = found.num_rows
    if n == 0:
        return pa.array([], pa.string())
    line = found["line"].combine_chunks()
    seq = seq_of(found["file_no"].combine_chunks(), line)
    content = event_ids.contents(seq)
    event_id = found["event_id"].combine_chunks()
    ts = pc.fill_null(ts_text(found["ts"].combine_chunks()), "")
    detail = pc.fill_null(found["detail"].combine_chunks().cast(pa.string()), "")
    period = pc.binary_join_element_wise(
        pc.binary_join_element_wise("period", ts, ":"), detail, "|"
    )
    by_event = pc.if_else(
        pc.is_valid(content),
        pc.binary_join_element_wise("event", content, ":"),
        pc.binary_join_element_wise("id", event_id, ":"),
    )
    return pc.if_else(pc.is_valid(event_id), by_event, period)
