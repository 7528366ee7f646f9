"""Every YAML rule case in few audits (a Spark audit costs seconds): the cases that share a
playbook's settings and an audit end share one log, each with its own customers, event ids
and refs.

A case with its own audit end (``as_of``) would need a run of its own. Where the case's kind
measures time only relative to the audit end and to the events (`RELATIVE`), or in calendar
days and weeks (`WEEKLY`, moved by whole weeks only), every time of the case is moved so that
its audit end is `END`: it then joins the other moved cases in one run and tests the same
boundaries (a deadline one second before the end stays one second before it).
`tests/rules/test_shifted_cases.py` checks that a moved case still finds what its file
expects. A kind on calendar dates (holidays, birthdays, months) keeps its cases' own ends.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

import yaml

from checker.engine.kinds import case_files
from tests.reference.events import parse_ts
from tests.reference.files import cell

END = datetime(2025, 6, 2, 12, 0)  # a Monday noon
RELATIVE = {"deadline_by_ref", "follow_up", "max_silence"}  # durations only
WEEKLY = {"agent_quota"}  # calendar days and weeks (Monday to Sunday)
EVENT_TIMES = ("ts", "due")  # the fields of an event that hold a time
FOUND_TIMES = ("ts", "ref_ts", "deadline")  # and of an expected finding

Case = dict[str, Any]


def move(kind: str, case: Case) -> timedelta | None:
    """How far ``case``'s times move so that its audit end is `END` (None: they stay)."""
    if case.get("as_of") is None:
        return None
    by = END - parse_ts(case["as_of"])
    if kind in RELATIVE or (kind in WEEKLY and by % timedelta(weeks=1) == timedelta(0)):
        return by
    return None


def moved(case: Case, by: timedelta) -> Case:
    """``case`` with every time ``by`` later, its audit end `END`."""

    def later(item: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
        times = {k: parse_ts(item[k]) for k in fields if item.get(k) not in (None, "")}
        return {**item, **{k: cell(t + by) for k, t in times.items() if t is not None}}

    events = [later(e, EVENT_TIMES) for e in case["events"]]
    expect = [later(f, FOUND_TIMES) for f in case.get("expect") or []]
    return {**case, "events": events, "expect": expect, "as_of": cell(END)}


def own(case: Case, tag: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A case's events and customers with its own customers, event ids and refs, so that
    cases sharing a log stay apart."""

    def tagged(value: Any) -> Any:
        return None if value is None else f"{tag}-{value}"

    events = [
        {**e, **{k: tagged(e.get(k)) for k in ("customer_id", "event_id", "ref") if k in e}}
        for e in case["events"]
    ]
    people = [{**c, "customer_id": tagged(c["customer_id"])} for c in case.get("customers") or []]
    return events, people


def every_case() -> list[tuple[str, str, Case]]:
    """(kind, tag, case) of every case file's cases."""
    return [
        (kind, f"{kind.replace('_', '-')}-{i}", case)
        for kind, file in case_files().items()
        for i, case in enumerate(yaml.safe_load(file.read_text(encoding="utf-8"))["cases"])
    ]


def batches() -> dict[tuple[str, str], list[tuple[str, Case]]]:
    """The cases by what a run shares (playbook settings, audit end), moved where they can
    be: each batch is one playbook with every case's rule, and one log."""
    found: dict[tuple[str, str], list[tuple[str, Case]]] = defaultdict(list)
    for kind, tag, case in every_case():
        by = move(kind, case)
        case = case if by is None else moved(case, by)
        key = (json.dumps(case.get("playbook"), sort_keys=True), str(case.get("as_of")))
        found[key].append((tag, case))
    return found
