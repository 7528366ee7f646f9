"""The event ids of the findings read off the passes, looked up by their row's seq.

A tally (see `checker.engine.tally`) collects a finding with the seq of the row it was read
off, not with the row's event id: a string that a window pass would otherwise carry through
its sort for every one of its rows, to keep it for the few with a finding. The query that
sorts the findings looks the ids up (one join of the findings with the audited events).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir


def with_event_ids(found: ir.Table, events: ir.Table) -> ir.Table:
    """``found`` (OUTCOME_SCHEMA and ``seq``) without ``seq``: a row read off a pass (it has
    a ``seq``) and named by it (it has a line) gets that row's event id; the others keep
    theirs (none, or the one an outcome table gave). The events' ids are picked first (a
    semi-join on the seqs wanted), so the join with the findings is with a narrow table."""
    wanted = found.filter(found.seq.notnull() & found.line.notnull())
    ids = events.select(_seq=events.seq, _event=events.event_id)
    ids = ids.filter(ids._seq.isin(wanted.seq))
    j = found.left_join(ids, found.seq == ids._seq)
    # A row may name one finding and carry another about its customer alone: only the
    # named one (with a line) takes the id.
    looked_up = ibis.ifelse(j.line.notnull(), j._event, ibis.null("string"))
    return j.mutate(event_id=ibis.coalesce(j.event_id, looked_up)).drop("seq", "_seq", "_event")
