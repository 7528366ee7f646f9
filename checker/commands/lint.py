"""``huitou lint``: validate a playbook and report every problem at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from checker.commands._common import add_playbook_arg
from checker.engine.calendar import unknown_holiday_names
from checker.errors import EXIT_OK, HuitouError, Problem
from checker.paths import display_path
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
    given, flag = args.playbook_path, args.playbook
    if given is not None and flag is not None and Path(given) != flag:
        raise HuitouError(
            "Two playbooks given.",
            [
                Problem(
                    f"lint checks one playbook: give {given} or --playbook {flag}, not both",
                )
            ],
        )
    pb = load_playbook(given or flag)  # raises with every problem
    for name in unknown_holiday_names(pb):
        print(f"warning: holiday {name!r} is not in the calendar library; it will never occur")
    enabled = len(pb.rules)
    off = len(pb.all_rules) - enabled
    files = ", ".join(display_path(p) for p in pb.sources)
    print(f"ok: {enabled} rules on" + (f", {off} off" if off else "") + f" ({files})")
    return EXIT_OK
