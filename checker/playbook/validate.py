"""Validate a merged playbook: JSON Schema plus cross-references, every problem at once."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jsonschema import Draft202012Validator

from checker.durations import DURATION_PATTERN, parse_duration
from checker.errors import HuitouError, Problem
from checker.memo import Memo
from checker.paths import schema_dir
from checker.playbook.model import Playbook
from checker.playbook.numbers import number_problems
from checker.playbook.positions import JsonPath, format_path
from checker.playbook.text import PARAM, PLACEHOLDER, flat_params, unknown_placeholders


def _problem(pb: Playbook, path: JsonPath, message: str) -> Problem:
    file, line = pb.source_of(path)
    return Problem(message, file=file, line=line, path=format_path(path))


@cache
def playbook_schema() -> dict[str, Any]:
    """The playbook JSON Schema as committed (generated from the rule-kind registry by
    `checker.engine.playbook_schema`; a test keeps the copy equal to it)."""
    text = (schema_dir() / "playbook.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _schema_problems(pb: Playbook) -> Iterator[Problem]:
    validator = Draft202012Validator(playbook_schema())
    for error in validator.iter_errors(pb.data):
        # Report the innermost cause of an if/then failure, not the envelope.
        leaves = [e for e in error.context if not e.context] or [error]
        for leaf in leaves if error.validator in ("allOf", "anyOf", "oneOf") else [error]:
            path = tuple(leaf.absolute_path)
            if leaf.validator == "pattern" and leaf.validator_value == DURATION_PATTERN:
                message = f"{leaf.instance!r} is not a duration: write e.g. 15min, 2h or 2d"
            else:
                message = f"{leaf.message}: fix this value"
            yield _problem(pb, path, message)


def _filters(params: Any, path: JsonPath) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
    if isinstance(params, dict):
        if "events" in params and isinstance(params["events"], list):
            yield path, params
        for key, value in params.items():
            yield from _filters(value, (*path, key))


def _reference_problems(pb: Playbook) -> Iterator[Problem]:
    data = pb.data
    events, principles = data.get("events", {}), data.get("principles", {})
    groups = {s.get(k) for s in events.values() for k in ("group", "actor")}
    segments = set(data.get("segments", {}).get("precedence", []))
    channels = set(data.get("channels", {}))
    try:
        ZoneInfo(str(data.get("timezone", "")))
    except (ZoneInfoNotFoundError, ValueError):
        yield _problem(pb, ("timezone",), "unknown time zone: use an IANA name like Asia/Shanghai")
    for alias, target in data.get("event_aliases", {}).items():
        if target not in events:
            yield _problem(pb, ("event_aliases", alias), f"maps to unknown event {target!r}")
    complaint_rule = (data.get("kpi") or {}).get("complaint_rule")
    if complaint_rule is not None and complaint_rule not in data.get("rules", {}):
        yield _problem(pb, ("kpi", "complaint_rule"), f"unknown rule {complaint_rule!r}")
    yield from _churn_problems(pb, data)
    for rule_id, rule in data.get("rules", {}).items():
        if not isinstance(rule, dict):
            continue
        base = ("rules", rule_id)
        if rule.get("principle") not in principles:
            yield _problem(
                pb,
                (*base, "principle"),
                f"unknown principle {rule.get('principle')!r}; use one of {', '.join(principles)}",
            )
        params = rule.get("params", {}) if isinstance(rule.get("params"), dict) else {}
        for fpath, spec in _filters(params, (*base, "params")):
            for i, name in enumerate(spec.get("events", [])):
                known = name[1:] in groups if str(name).startswith("@") else name in events
                if not known:
                    yield _problem(pb, (*fpath, "events", i), f"unknown event or group {name!r}")
            for i, seg in enumerate(spec.get("segments", []) or []):
                if seg not in segments:
                    yield _problem(pb, (*fpath, "segments", i), f"unknown segment {seg!r}")
            for i, chan in enumerate(spec.get("channels", []) or []):
                if chan not in channels:
                    yield _problem(pb, (*fpath, "channels", i), f"unknown channel {chan!r}")
        yield from _order_problems(pb, (*base, "params"), params)
        flat = flat_params(params)
        for field in ("title", "message", "fix"):
            for lang, text in (rule.get(field) or {}).items():
                for m in PARAM.finditer(str(text)):
                    if m.group(1) not in flat:
                        yield _problem(
                            pb,
                            (*base, field, lang),
                            f"placeholder {{{m.group(1)}}} is not a parameter of this rule",
                        )
    yield from _placeholder_problems(pb, data, ())


def _churn_problems(pb: Playbook, data: dict[str, Any]) -> Iterator[Problem]:
    """Each churn reason names known rules and events, and no two share an id."""
    seen: set[str] = set()
    for i, reason in enumerate((data.get("churn") or {}).get("reasons") or []):
        base = ("churn", "reasons", i)
        if reason.get("id") in seen:
            yield _problem(pb, (*base, "id"), f"reason {reason['id']!r} is given twice")
        seen.add(reason.get("id"))
        for j, rule in enumerate(reason.get("rules") or []):
            if rule not in data.get("rules", {}):
                yield _problem(pb, (*base, "rules", j), f"unknown rule {rule!r}")
        for j, event in enumerate(reason.get("events") or []):
            if event not in data.get("events", {}):
                yield _problem(pb, (*base, "events", j), f"unknown event {event!r}")


# Parameter pairs whose first must not exceed the second (a kind's schema cannot say so).
ORDERED = (("at_least", "at_most", int), ("min_gap", "within", parse_duration))


def _order_problems(pb: Playbook, path: JsonPath, params: dict[str, Any]) -> Iterator[Problem]:
    if params.get("min_lead") and params.get("field") != "due":
        yield _problem(pb, (*path, "min_lead"), "min_lead needs field: due (a time to lead)")
    for low, high, read in ORDERED:
        if params.get(low) is None or params.get(high) is None:
            continue
        try:
            wrong = read(params[low]) > read(params[high])
        except (TypeError, ValueError):  # a malformed value: the schema reports it
            continue
        if wrong:
            yield _problem(
                pb, (*path, low), f"{low} ({params[low]}) is more than {high} ({params[high]})"
            )


def _placeholder_problems(pb: Playbook, node: Any, path: JsonPath) -> Iterator[Problem]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _placeholder_problems(pb, value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _placeholder_problems(pb, value, (*path, i))
    elif isinstance(node, str) and PLACEHOLDER.search(node):
        for bad in unknown_placeholders(node, pb.data):
            yield _problem(pb, path, f"placeholder {bad} does not name a playbook value")


# Problems found before, by the playbook's data and positions (pickled): a process that loads
# the same playbook again validates it once (see `checker.playbook.positions._PARSED`).
_FOUND: Memo[bytes, tuple[Problem, ...]] = Memo(kept=16)


def problems(pb: Playbook) -> list[Problem]:
    """Every problem of ``pb``: its schema, its numbers, its references."""
    key = pickle.dumps((pb.data, pb.positions))
    return list(_FOUND.get(key, lambda: tuple(_all_problems(pb))))


def _all_problems(pb: Playbook) -> list[Problem]:
    found = list(_schema_problems(pb))
    found += [
        p
        for path, message in number_problems(pb.data)
        if (p := _problem(pb, path, message)) not in found
    ]
    try:
        found += [p for p in _reference_problems(pb) if p not in found]
    except (TypeError, AttributeError, KeyError):  # shapes the schema already reported
        pass
    return found


def validate_playbook(pb: Playbook) -> None:
    found = problems(pb)
    if found:
        raise HuitouError(f"The playbook has {len(found)} problem(s):", found)
