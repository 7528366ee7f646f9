"""The baseline file: the findings accepted so far, by fingerprint, written to diff well.

    {
      "format": "huitou-baseline",
      "version": 1,
      "tool": "huitou 0.1.0",
      "playbook": "playbooks/seed",
      "entries": [
        {"first_seen": "2025-03-31 23:59:59", "fingerprint": "…", "rule": "…", "status": "…"},
        …
      ]
    }

One entry per line, sorted by rule and fingerprint, so a day's change is a few added and
removed lines in Git. No customer id of any kind: the fingerprint keys the customer.
A file from another tool version loads as long as its entries have these four fields.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from checker import __version__
from checker.errors import HuitouError, Problem

FORMAT = "huitou-baseline"
VERSION = 1
FIELDS = ("first_seen", "fingerprint", "rule", "status")


@dataclass(frozen=True, order=True)
class Entry:
    rule: str
    fingerprint: str
    status: str  # "violation" or "pending", when last seen
    first_seen: str  # the as-of of the audit that first found it


@dataclass(frozen=True)
class Baseline:
    entries: list[Entry]
    playbook: str = ""
    tool: str = ""


def _bad(path: Path, what: str, *, line: int | None = None, at: str | None = None) -> HuitouError:
    problem = Problem(what, file=str(path), line=line, path=at)
    return HuitouError(
        "corrupt baseline: fix or delete it, then write a new one with --write-baseline",
        [problem],
    )


def load(path: Path) -> Baseline:
    """Read a baseline; a missing, unreadable or malformed file is a usage error (exit 2)
    naming the file and what is wrong with it (every bad entry at once)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad(path, f"cannot read it: {getattr(exc, 'strerror', None) or exc}") from exc
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(path, f"not JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _bad(path, f'not a huitou baseline (expected "format": "{FORMAT}")')
    raw = doc.get("entries")
    if not isinstance(raw, list):
        raise _bad(path, "no list of entries", at="entries")
    problems, entries = [], []
    for i, item in enumerate(raw):
        entry = _entry(item)
        if entry is None:
            need = ", ".join(FIELDS)
            problems.append(
                Problem(f"an entry needs the strings {need}", str(path), path=f"entries[{i}]")
            )
        else:
            entries.append(entry)
    if problems:
        raise HuitouError(
            "corrupt baseline: fix or delete it, then write a new one with --write-baseline",
            problems,
        )
    return Baseline(sorted(set(entries)), str(doc.get("playbook", "")), str(doc.get("tool", "")))


def _entry(item: Any) -> Entry | None:
    if not isinstance(item, dict) or not all(isinstance(item.get(f), str) for f in FIELDS):
        return None
    return Entry(item["rule"], item["fingerprint"], item["status"], item["first_seen"])


def dumps(baseline: Baseline) -> str:
    """The file's text: a head, then one sorted entry per line."""
    head = {"format": FORMAT, "version": VERSION, "tool": f"huitou {__version__}"}
    head["playbook"] = baseline.playbook
    lines = [
        json.dumps(asdict(e), ensure_ascii=False, sort_keys=True) for e in sorted(baseline.entries)
    ]
    body = ",\n    ".join(lines)
    entries = f"[\n    {body}\n  ]" if lines else "[]"
    fields = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in head.items()]
    return "{\n" + ",\n".join([*fields, f'  "entries": {entries}']) + "\n}\n"


def write(path: Path, baseline: Baseline) -> None:
    try:
        path.write_text(dumps(baseline), encoding="utf-8", newline="\n")
    except OSError as exc:
        raise HuitouError(
            "cannot write the baseline", [Problem(exc.strerror or str(exc), file=str(path))]
        ) from exc
