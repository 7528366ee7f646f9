"""The optional customers file: customer_id, birthday (YYYY-MM-DD or MM-DD), tier."""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from checker.playbook.model import Playbook

BIRTHDAY = r"^(?:[0-9]{4}-)?([0-9]{1,2})-([0-9]{1,2})$"


def open_customers(t: ir.Table, file_no: int, pb: Playbook) -> ir.Table:
    """The customers file as read (strings, with ``customer_id`` and each row's ``line``: see
    `checker.engine.backends.base.Backend.read_customers`) -> customer_id, bmonth, bday,
    tier, file_no, line, reason ('' when the row is fine)."""
    col = {
        c: (t[c].strip().nullif("") if c in t.columns else ibis.null("string"))
        for c in ("customer_id", "birthday", "tier")
    }
    month = col["birthday"].re_extract(BIRTHDAY, 1).try_cast("int64")
    day = col["birthday"].re_extract(BIRTHDAY, 2).try_cast("int64")
    month_days = ibis.cases((month == 2, 29), (month.isin([4, 6, 9, 11]), 30), else_=31)
    # No match of its own to tell a well-formed birthday: where the pattern does not match,
    # the groups come back empty (or NULL) and do not cast to a month.
    good_birthday = ((month >= 1) & (month <= 12) & (day >= 1) & (day <= month_days)).fill_null(
        False
    )
    segments = list(pb.data.get("segments", {}).get("precedence", []))
    reason = (
        ibis.ifelse(col["customer_id"].isnull(), "missing customer_id; ", "")
        + ibis.ifelse(
            col["birthday"].notnull() & ~good_birthday,
            "unparsable birthday '"
            + col["birthday"].fill_null("")
            + "': write YYYY-MM-DD or MM-DD; ",
            "",
        )
        + ibis.ifelse(
            col["tier"].notnull() & ~col["tier"].isin(segments).fill_null(False),
            "unknown tier '"
            + col["tier"].fill_null("")
            + "' (known: "
            + ", ".join(segments)
            + "); ",
            "",
        )
    )
    return t.select(
        customer_id=col["customer_id"],
        bmonth=ibis.ifelse(good_birthday, month, ibis.null("int64")),
        bday=ibis.ifelse(good_birthday, day, ibis.null("int64")),
        tier=col["tier"],
        file_no=ibis.literal(file_no, type="int64"),
        line=t.line,
        reason=reason,
    )


def flag_repeats(customers: ir.Table, name: str) -> ir.Table:
    """Reject every row of a customer but the first: a second birthday or tier for the same
    customer would otherwise win or lose silently. The reason names the first row's line,
    never the (raw) id."""
    per_id = customers.group_by(_id=customers.customer_id).aggregate(_first=customers.line.min())
    j = customers.left_join(per_id, customers.customer_id == per_id._id)
    repeat = j.customer_id.notnull() & (j.line != j._first)
    text = (
        "customer_id repeats the row at "
        + name
        + ":"
        + j._first.cast("string")
        + ": keep one row per customer; "
    )
    return j.mutate(reason=j.reason + ibis.ifelse(repeat, text, "")).drop("_id", "_first")
