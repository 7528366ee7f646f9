"""An audit's summary as one line of the history (``huitou check --history FILE``), and
reading the lines back: every line that is not such a summary is a located problem.

The shape is ``schema/history-entry.schema.json``; entries are checked with it, so a problem
names its JSON path."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from checker.errors import Problem
from checker.paths import schema_dir
from checker.report.model import AuditReport
from checker.trends.model import Counted, total

Entry = dict[str, Any]


def entry(report: AuditReport, recorded_at: datetime | None = None) -> Entry:
    """This audit's summary: its totals, per principle, per rule and per agent."""
    rules = {r.rule: Counted(r.opportunities, r.violations, r.pending) for r in report.rules}
    principles: dict[str, list[Counted]] = {}
    for r in report.rules:
        principles.setdefault(r.principle, []).append(rules[r.rule])
    agents = {} if report.scorecards is None else report.scorecards.agents
    when = recorded_at or datetime.now(UTC)
    return {
        "recorded_at": when.isoformat(timespec="seconds"),
        "as_of": report.as_of,
        "playbook": report.playbook,
        **total(list(rules.values())).as_dict(),
        "principles": {p: total(cells).as_dict() for p, cells in principles.items()},
        "rules": {rid: c.as_dict() for rid, c in rules.items()},
        "agents": {
            card.who: Counted(
                card.total.opportunities, card.total.violations, card.total.pending
            ).as_dict()
            for card in agents
        },
    }


def line_of(item: Entry) -> bytes:
    """One entry as one line of UTF-8 (keys sorted), newline included."""
    return (json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


@cache
def _validator() -> Draft202012Validator:
    text = (schema_dir() / "history-entry.schema.json").read_text(encoding="utf-8")
    return Draft202012Validator(json.loads(text))


def parsed(data: bytes, file: str, first: int = 1) -> tuple[list[Entry], list[Problem]]:
    """The entries of a history file's bytes (its lines from number ``first``), and a
    problem for every damaged line (not UTF-8, not JSON, not an object, or not of the
    entry's shape). Blank lines are skipped."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for number, raw in enumerate(data.split(b"\n"), first):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            problems.append(Problem(f"not UTF-8 text (byte {exc.start + 1})", file, number))
            continue
        except json.JSONDecodeError as exc:
            what = f"not JSON ({exc.msg}, column {exc.colno}): a cut or edited line"
            problems.append(Problem(what, file, number))
            continue
        if not isinstance(item, dict):
            what = f"not a JSON object but {_KINDS.get(type(item), 'a value')}: {_shown(raw)}"
            problems.append(Problem(what, file, number))
            continue
        found = _shape_problems(item, file, number)
        problems += found
        if not found:
            entries.append(item)
    return entries, problems


def _shape_problems(item: Entry, file: str, number: int) -> list[Problem]:
    """What the entry schema finds wrong with ``item``, at its JSON paths; the keys missing
    from one object told in one problem."""
    missing: dict[str, list[str]] = {}
    out: list[Problem] = []
    for e in sorted(_validator().iter_errors(item), key=lambda e: list(map(str, e.path))):
        if e.validator == "required":
            # one error per missing key, each naming them all: told once
            missing[e.json_path] = [k for k in e.validator_value if k not in e.instance]
        else:
            out.append(Problem(e.message, file, number, path=e.json_path))
    told = [
        Problem(f"missing {', '.join(keys)}", file, number, path=path)
        for path, keys in missing.items()
    ]
    return told + out


_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}
_KINDS[type(None)] = "null"


def _shown(raw: bytes, limit: int = 40) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return text if len(text) <= limit else text[:limit] + "..."
