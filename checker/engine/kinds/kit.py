"""The vocabulary of a rule kind's module, in one place.

A kind's module starts with ``from checker.engine.kinds.kit import *`` and then holds only
its logic: its parameters, its Ibis expression, which of its words to say and with which
values (the words themselves are its folder's ``words.yaml``, read through
``kind_words(__file__)``). ``ibis``, ``ir`` (Ibis's expression types), ``pa`` and ``pc``
(pyarrow and its compute functions) are imported on first use (`checker.lazy`): loading the
registry for its parameter schemas and words (`huitou lint`, `rules`, `explain`, `schema`)
imports neither Ibis nor pyarrow.
"""

from __future__ import annotations

from checker.engine.calendar import holiday_days, month_days
from checker.engine.context import (
    BY_CUSTOMER,
    FOLLOWING,
    PRECEDING,
    RuleContext,
    customer_window,
    interval,
    stamp_ts,
    whole_seconds,
)
from checker.engine.kinds._common import (
    BASE_TS,
    DURATION,
    EVENT_FILTER,
    EVENT_LIST,
    LOG_FIELDS,
    SEGMENT_LIST,
    dur,
    example_event,
    label,
    params_schema,
    seconds,
    segment_list,
)
from checker.engine.kinds._evidence import (
    absent,
    by_ref,
    cases,
    choose,
    equals,
    fmt_day,
    fmt_ts,
    gap,
    is_pending,
    per_value,
)
from checker.engine.kinds._words import kind_words
from checker.engine.nearest import first_where, last_of_either, last_where
from checker.engine.outcomes import Outcomes, Part, event_part, outcome, status_of
from checker.engine.registry import Example, Kind, register
from checker.engine.value_tables import value_table
from checker.lazy import lazy
from checker.playbook.model import Playbook, Rule

ibis = lazy("ibis")
ir = lazy("ibis.expr.types")
pa = lazy("pyarrow")
pc = lazy("pyarrow.compute")

__all__ = [
    "BASE_TS",
    "BY_CUSTOMER",
    "DURATION",
    "EVENT_FILTER",
    "EVENT_LIST",
    "FOLLOWING",
    "LOG_FIELDS",
    "PRECEDING",
    "SEGMENT_LIST",
    "Example",
    "Kind",
    "Outcomes",
    "Part",
    "Playbook",
    "Rule",
    "RuleContext",
    "absent",
    "by_ref",
    "cases",
    "choose",
    "customer_window",
    "dur",
    "equals",
    "event_part",
    "example_event",
    "first_where",
    "fmt_day",
    "fmt_ts",
    "gap",
    "holiday_days",
    "ibis",
    "interval",
    "ir",
    "is_pending",
    "kind_words",
    "label",
    "last_of_either",
    "last_where",
    "month_days",
    "outcome",
    "pa",
    "params_schema",
    "pc",
    "per_value",
    "register",
    "seconds",
    "segment_list",
    "stamp_ts",
    "status_of",
    "value_table",
    "whole_seconds",
]
