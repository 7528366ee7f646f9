"""``huitou schema``: print the JSON Schemas (playbook, log, report) for editors and CI."""

from __future__ import annotations

import argparse

from checker.engine.playbook_schema import schema_text
from checker.errors import EXIT_OK
from checker.paths import schema_dir


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schema",
        help="print a JSON Schema",
        description="Print the JSON Schema of a playbook (generated from the "
        "rule-kind registry), of the interaction log, or of the json report.",
    )
    p.add_argument("which", choices=["playbook", "log", "report"], nargs="?", default="playbook")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.which == "playbook":
        print(schema_text(), end="")
    else:
        name = {"log": "log.schema.json", "report": "report.schema.json"}[args.which]
        print((schema_dir() / name).read_text(encoding="utf-8"), end="")
    return EXIT_OK
