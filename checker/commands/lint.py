"""``huitou lint``: validate a playbook and report every problem at once."""

from __future__ import annotations

import argparse

from checker.commands._common import add_playbook_arg
from checker.engine.calendar import unknown_holiday_names
from checker.errors import EXIT_OK
from checker.playbook import load_playbook


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lint",
        help="validate a playbook",
        description="Validate a playbook (schema, references, placeholders); "
        "every problem is listed with its file, line and path.",
    )
    p.add_argument(
        "playbook_path",
        nargs="?",
        metavar="PLAYBOOK",
        default=None,
        help="playbook folder or YAML file (default: the built-in seed)",
    )
    add_playbook_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pb = load_playbook(args.playbook_path or args.playbook)  # raises with every problem
    for name in unknown_holiday_names(pb):
        print(f"warning: holiday {name!r} is not in the calendar library; it will never occur")
    enabled = len(pb.rules)
    off = len(pb.all_rules) - enabled
    files = ", ".join(str(p) for p in pb.sources)
    print(f"ok: {enabled} rules on" + (f", {off} off" if off else "") + f" ({files})")
    return EXIT_OK
