"""Arguments several commands share."""

from __future__ import annotations

import argparse
from pathlib import Path

from checker.playbook import Playbook, load_playbook


def add_playbook_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--playbook",
        metavar="DIR",
        type=Path,
        default=None,
        help="playbook folder or YAML file (default: the built-in seed playbook)",
    )


def add_lang_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=["zh", "en"],
        default=None,
        help="language of the output (default: the playbook's `language`)",
    )


def playbook_from(args: argparse.Namespace) -> Playbook:
    return load_playbook(args.playbook)


def lang_of(args: argparse.Namespace, pb: Playbook) -> str:
    return args.lang or pb.language
