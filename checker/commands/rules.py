"""``huitou rules``: list the playbook's rules (or the rule kinds)."""

from __future__ import annotations

import argparse

from checker.commands._common import add_lang_arg, add_playbook_arg, lang_of, playbook_from
from checker.engine.registry import kinds
from checker.errors import EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "rules",
        help="list the rules of the playbook",
        description="List the playbook's rules with severity, principle and "
        "kind; --kinds lists the rule kinds a playbook may use.",
    )
    add_playbook_arg(p)
    add_lang_arg(p)
    p.add_argument("--kinds", action="store_true", help="list the rule kinds instead")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pb = playbook_from(args)
    lang = lang_of(args, pb)
    if args.kinds:
        for name, kind in kinds().items():
            print(f"{name:<20} {kind.summary[lang]}")
        return EXIT_OK
    width = max(len(r.id) for r in pb.all_rules)
    for r in pb.all_rules:
        state = "" if r.enabled else "  (off)"
        print(
            f"{r.id:<{width}}  {r.severity:<7}  {r.principle:<14}  {r.kind:<19}  "
            f"{r.title[lang]}{state}"
        )
    return EXIT_OK
