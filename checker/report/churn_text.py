"""The churn section of the text report (after the agent table): how many repeat customers
lapsed, and the counts by reason, segment and month of the lapse."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.report.lines import one_line

if TYPE_CHECKING:
    from checker.churn.model import Churn

LABELS = {
    "zh": {
        "title": "客户流失（老客户最后一次购买后超过 {} 未再购买）",
        "lapsed": "  老客户 {}，已流失 {}",
        "reasons": "  原因：",
        "segments": "  分群：",
        "months": "  月份：",
        "sep": "；",
    },
    "en": {
        "title": "Churn (repeat customers with no purchase for more than {} after their last)",
        "lapsed": "  repeat customers {}, lapsed {}",
        "reasons": "  reasons: ",
        "segments": "  segments: ",
        "months": "  months: ",
        "sep": "; ",
    },
}


def churn_section(churn: Churn | None, lang: str) -> Iterable[str]:
    """The section's lines (none when the report has no churn analysis)."""
    if churn is None:
        return []
    words = LABELS.get(lang, LABELS["en"])
    lines = [
        words["title"].format(churn.after),
        words["lapsed"].format(churn.repeat_customers, churn.lapsed),
    ]
    if not churn.lapsed:
        return lines
    parts = {
        "reasons": [f"{r.title} {r.customers}" for r in churn.reasons if r.customers],
        "segments": [f"{s.title} {s.customers}" for s in churn.by_segment],
        "months": [f"{m.month} {m.customers}" for m in churn.by_month],
    }
    lines += [words[k] + one_line(words["sep"].join(v)) for k, v in parts.items()]
    return lines
