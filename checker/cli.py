"""Command line: parse arguments and dispatch to ``checker.commands``; nothing else."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from checker import __version__
from checker.cli_parser import SuggestingParser
from checker.commands import check, demo, diff, explain, handbook, lint, rules, schema
from checker.errors import EXIT_UNEXPECTED, EXIT_USAGE, HuitouError
from checker.gc_tuning import collect_less_often

COMMANDS = [check, diff, lint, rules, explain, schema, demo, handbook]


def build_parser() -> argparse.ArgumentParser:
    parser = SuggestingParser(
        prog="huitou",
        description="Huitou (回头客): audit customer-service logs against a playbook and build "
        "the training handbook.",
    )
    parser.add_argument("--version", action="version", version=f"huitou {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")
    collect_less_often()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except HuitouError as exc:
        print(f"huitou: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("huitou: interrupted", file=sys.stderr)
        return EXIT_USAGE
    except Exception:
        traceback.print_exc()
        print(
            "huitou: unexpected failure (a bug): please report it with the trace above",
            file=sys.stderr,
        )
        return EXIT_UNEXPECTED
