"""``huitou explain RULE``: what a rule checks, why, its thresholds, and how to fix it."""

from __future__ import annotations

import argparse
import difflib

from checker.commands._common import add_lang_arg, add_playbook_arg, lang_of, playbook_from
from checker.errors import EXIT_OK, HuitouError, Problem
from checker.explain import rule_markdown


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "explain",
        help="explain one rule",
        description="Print what a rule checks, the principle behind it, its "
        "current thresholds, example logs and how to fix a finding.",
    )
    p.add_argument("rule", metavar="RULE", help="rule id, e.g. cadence.greeting")
    add_playbook_arg(p)
    add_lang_arg(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pb = playbook_from(args)
    ids = [r.id for r in pb.all_rules]
    if args.rule not in ids:
        close = difflib.get_close_matches(args.rule, ids, n=1, cutoff=0.5)
        hint = f"did you mean {close[0]}?" if close else "run `huitou rules` to list them"
        raise HuitouError(f"Unknown rule {args.rule!r}.", [Problem(hint)])
    print(rule_markdown(pb, args.rule, lang_of(args, pb), heading="#"), end="")
    return EXIT_OK
