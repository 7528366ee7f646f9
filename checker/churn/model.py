"""The report's churn section (JSON ``churn``): who lapsed, when, and what preceded it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc

from checker.churn.reasons import Findings, reason_column, with_reasons
from checker.churn.spec import NONE, churn_spec
from checker.playbook.model import Playbook

if TYPE_CHECKING:
    from checker.churn.query import Lapsed

MAX_LISTED = 200  # lapsed customers listed, the most recent lapses first (all are counted)


@dataclass(frozen=True)
class ReasonCount:
    id: str
    title: str  # in the report's language
    customers: int


@dataclass(frozen=True)
class SegmentCount:
    segment: str | None
    title: str
    customers: int


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM of the lapse
    customers: int


@dataclass(frozen=True)
class LapsedCustomer:
    customer_id: str  # as the report names customers (a pseudonym unless --reveal-ids)
    segment: str | None
    purchases: int
    last_purchase: str  # YYYY-MM-DD HH:MM:SS
    lapsed_on: str  # YYYY-MM-DD
    reasons: list[str]


@dataclass(frozen=True)
class Churn:
    after: str  # the playbook's churn.after, as written
    repeat_customers: int
    lapsed: int
    reasons: list[ReasonCount]  # the playbook's order, then NONE; a customer may count twice
    by_segment: list[SegmentCount]  # the segments' precedence, then none
    by_month: list[MonthCount]  # every month from the first lapse's to the last's
    customers: list[LapsedCustomer]  # at most MAX_LISTED: the latest lapses

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _months(lapsed_at: pa.ChunkedArray) -> list[MonthCount]:
    if not len(lapsed_at):
        return []
    counted = (
        pa.table({"m": pc.strftime(lapsed_at, "%Y-%m")})
        .group_by("m")
        .aggregate([([], "count_all")])
    )
    n = dict(zip(counted["m"].to_pylist(), counted["count_all"].to_pylist(), strict=True))
    first, last = min(n), max(n)
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04}-{month:02}" <= last:
        key = f"{year:04}-{month:02}"
        out.append(MonthCount(key, int(n.get(key, 0))))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _segments(segment: pa.ChunkedArray, pb: Playbook, lang: str) -> list[SegmentCount]:
    counted = pa.table({"s": segment}).group_by("s").aggregate([([], "count_all")])
    n = dict(zip(counted["s"].to_pylist(), counted["count_all"].to_pylist(), strict=True))
    spec = pb.data.get("segments", {})
    order = [*spec.get("precedence", []), *sorted(k for k in n if k is not None)]
    out = [
        SegmentCount(s, str(spec.get(s, {}).get(lang, s)), int(n[s]))
        for s in dict.fromkeys(order)
        if s in n
    ]
    if None in n:
        out.append(SegmentCount(None, "无" if lang == "zh" else "none", int(n[None])))
    return out


def build_churn(lapsed: Lapsed | None, findings: Findings, pb: Playbook, lang: str) -> Churn | None:
    """The section, from the engine's lapsed customers and the audit's findings (engine rows:
    rule, status, customer_id as the report names them, ts)."""
    if lapsed is None:
        return None
    spec = churn_spec(pb)
    table = with_reasons(lapsed.customers, findings, spec, pb)
    ids = [r.id for r in spec.reasons] + [NONE]
    counts = [
        ReasonCount(i, spec.title(i, lang), int(pc.sum(table[reason_column(i)]).as_py() or 0))
        for i in ids
    ]
    latest = pc.sort_indices(table, [("lapsed_at", "descending"), ("customer_id", "ascending")])[
        :MAX_LISTED
    ]
    listed = [
        LapsedCustomer(
            customer_id=row["customer_id"],
            segment=row["segment"],
            purchases=int(row["purchases"]),
            last_purchase=row["last_purchase"].strftime("%Y-%m-%d %H:%M:%S"),
            lapsed_on=row["lapsed_at"].strftime("%Y-%m-%d"),
            reasons=[i for i in ids if row[reason_column(i)]],
        )
        for row in table.take(latest).to_pylist()
    ]
    return Churn(
        after=spec.after_text,
        repeat_customers=lapsed.repeat_customers,
        lapsed=len(table),
        reasons=counts,
        by_segment=_segments(table["segment"], pb, lang),
        by_month=_months(table["lapsed_at"]),
        customers=listed,
    )
