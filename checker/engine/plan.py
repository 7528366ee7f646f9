"""Which rules share a pass of their own rows: chosen by a small cost model over row counts.

Rules that order rows alike (the same ``Kind.pass_key``) may share one window pass over the
union of the rows they read, or each take a pass over just its own rows. Sharing saves a scan
of the log; it costs every window of every sharing rule over every row of the union. Rules
that read the same big set of events (marketing after a ``busy``, after an ``opt_out``, during
an open complaint) gain from sharing; rules that read different events (a purchase's
greeting, its usage check, its gift) lose. The plan only changes speed, never the findings.
"""

from __future__ import annotations

from itertools import combinations

import ibis
import ibis.expr.types as ir

# Relative costs per row, measured on DuckDB (2 cores, 10M-event demo log); their ratios
# matter, not their unit. SCAN was re-measured once passes sorted narrower rows (a customer
# key, no ids): 0.11 -> 0.3, which puts a purchase's greeting and usage check in one pass.
SCAN = 0.3  # a further pass reads every log row once more
SORT = 0.19  # each row of a pass is sorted
WINDOW = 1.0  # each window column over each row of a pass
SAMPLE_ROWS = 100_000  # rows counted to estimate the sets (every row of a smaller log)
MAX_PLANNED = 62  # rules whose row sets one 64-bit signature can tell apart
# A log this small is not planned: its rules that order rows alike share one pass. Each
# pass is a query to compile (about 0.1 s of Python a query, and the count that plans them
# is one more), which costs more than windows over this many rows, however many.
SMALL_LOG = 20_000


def sampled(total: int) -> int:
    """Every how many rows one is counted (1: every row of a small log)."""
    return max(1, total // SAMPLE_ROWS)


def signature_counts(rows: ir.Table, scopes: list[ir.BooleanValue], step: int) -> ir.Table:
    """sig, n: how many of every ``step``-th row read exactly the rules in ``sig`` (bit i
    set = the row is in ``scopes[i]``)."""
    sample = rows.filter(rows.seq % step == 0) if step > 1 else rows
    signature = ibis.literal(0, "int64")
    for i, scope in enumerate(scopes):
        signature = signature + ibis.ifelse(scope, ibis.literal(1 << i, "int64"), 0)
    marked = sample.select(sig=signature)
    read = marked.filter(marked.sig != 0)
    return read.group_by("sig").aggregate(n=read.count())


def row_counts(rows: ir.Table, scopes: list[ir.BooleanValue], total: int) -> dict[int, float]:
    """How many rows (estimated from a sample) read exactly the rules in each signature."""
    step = sampled(total)
    counted = signature_counts(rows, scopes, step).to_pyarrow()
    sigs, ns = counted["sig"].to_pylist(), counted["n"].to_pylist()
    return {int(s): float(n) * step for s, n in zip(sigs, ns, strict=True)}


def restrict(counts: dict[int, float], positions: list[int]) -> dict[int, float]:
    """The counts by signature over just the rules at ``positions`` (renumbered 0, 1...)."""
    out: dict[int, float] = {}
    for sig, n in counts.items():
        local = sum(1 << i for i, at in enumerate(positions) if sig >> at & 1)
        if local:
            out[local] = out.get(local, 0.0) + n
    return out


def cost(mask: int, counts: dict[int, float], windows: list[int], total: int) -> float:
    """The estimated cost of one pass for the rules in ``mask``."""
    n = sum(count for sig, count in counts.items() if sig & mask)
    width = sum(w for i, w in enumerate(windows) if mask >> i & 1)
    return SCAN * total + n * (SORT + WINDOW * width)


def share(counts: dict[int, float], windows: list[int], total: int) -> list[list[int]]:
    """Groups of rule indexes, one pass each: start with a pass per rule and merge the two
    passes whose sharing saves most, while sharing saves anything (a handful of rules:
    exhaustive over pairs)."""
    groups = [1 << i for i in range(len(windows))]
    while len(groups) > 1:
        best, pair = 0.0, None
        for a, b in combinations(range(len(groups)), 2):
            ga, gb = groups[a], groups[b]
            saved = (
                cost(ga, counts, windows, total)
                + cost(gb, counts, windows, total)
                - cost(ga | gb, counts, windows, total)
            )
            if saved > best:
                best, pair = saved, (a, b)
        if pair is None:
            break
        a, b = pair
        groups[a] |= groups[b]
        del groups[b]
    return [[i for i in range(len(windows)) if g >> i & 1] for g in groups]
