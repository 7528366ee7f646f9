"""``huitou lint``: validate a playbook and report every problem at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from checker.commands._common import add_playbook_arg
from checker.engine.holiday_names import unknown_holiday_names
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
        "playbook_paths",
        nargs="*",
        metavar="PLAYBOOK",
        help="playbook folders or YAML files (default: the built-in seed); a file of a "
        "playbook folder lints the folder (as the pre-commit hook passes changed files)",
    )
    add_playbook_arg(p)
    p.set_defaults(func=run)


def playbooks_of(paths: list[str]) -> list[str]:
    """Each path's playbook, once: a YAML file in a folder with a ``playbook.yaml`` is that
    folder's playbook."""
    out = []
    for given in paths:
        path = Path(given)
        folder = path.parent
        if path.is_file() and (folder / "playbook.yaml").is_file():
            out.append(str(folder))
        else:
            out.append(given)
    return list(dict.fromkeys(out))


def run(args: argparse.Namespace) -> int:
    targets = playbooks_of(args.playbook_paths)
    flag = args.playbook
    if targets and flag is not None and any(Path(t) != flag for t in targets):
        given = " ".join(str(p) for p in args.playbook_paths)
        raise HuitouError(
            "Two playbooks given.",
            [Problem(f"lint checks one playbook: give {given} or --playbook {flag}, not both")],
        )
    targets = targets or [flag]
    failed: list[HuitouError] = []
    for target in targets:
        try:
            pb = load_playbook(target)  # raises with every problem
        except HuitouError as exc:
            failed.append(exc)
            continue
        for name in unknown_holiday_names(pb):
            warning = f"holiday {name!r} is not in the calendar library; it will never occur"
            print(f"warning: {warning}")
        enabled = len(pb.rules)
        off = len(pb.all_rules) - enabled
        files = ", ".join(display_path(p) for p in pb.sources)
        print(f"ok: {enabled} rules on" + (f", {off} off" if off else "") + f" ({files})")
    if len(failed) == 1:
        raise failed[0]
    if failed:
        problems = [p for exc in failed for p in exc.problems]
        raise HuitouError(f"{len(failed)} of {len(targets)} playbooks are invalid.", problems)
    return EXIT_OK
