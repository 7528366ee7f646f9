"""``huitou schema``: print the JSON Schemas (playbook, log, report) for editors and CI."""

from __future__ import annotations

import argparse

from checker.engine.playbook_file_schema import file_schema_text
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
    p.add_argument(
        "which",
        choices=["playbook", "playbook-file", "log", "customers", "report", "history-entry"],
        nargs="?",
        default="playbook",
        help="playbook (the merged playbook lint checks), playbook-file (one file of a "
        "playbook, for editors), log, customers or report",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.which == "playbook":
        print(schema_text(), end="")
    elif args.which == "playbook-file":
        print(file_schema_text(), end="")
    else:
        name = f"{args.which}.schema.json"
        print((schema_dir() / name).read_text(encoding="utf-8"), end="")
    return EXIT_OK
