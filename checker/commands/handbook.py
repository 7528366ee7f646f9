"""``huitou handbook build|serve``: the training handbook site from the playbooks."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from checker.errors import EXIT_OK
from checker.handbook.build import build_site


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``handbook`` with its ``build`` and ``serve`` subcommands."""
    parser = subparsers.add_parser(
        "handbook",
        help="build or preview the bilingual training handbook",
        description="Build or preview the training handbook generated from the playbook.",
    )
    actions = parser.add_subparsers(dest="handbook_command", required=True)
    build = actions.add_parser("build", help="build Chinese (site/) and English (site/en/)")
    build.add_argument("--playbook", type=Path, help="playbook folder (default: the seed)")
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="output folder")
    serve = actions.add_parser(
        "serve",
        help="preview both languages (中文 at /, English at /en/), rebuilt on changes",
    )
    serve.add_argument("--playbook", type=Path, help="playbook folder (default: the seed)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to listen on")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    if args.handbook_command == "serve":
        return _serve(args)
    result = build_site(args.site_dir, args.playbook)
    index = result.site_dir / "index.html"
    print(f"Handbook built in {result.seconds:.1f} s.")
    print(f"  中文:    {index}")
    print(f"  English: {result.site_dir / 'en' / 'index.html'}")
    print(f"Serve it (the search needs HTTP): python -m http.server -d {result.site_dir}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from checker.handbook.serve import serve

    return serve(args.playbook, args.dev_addr)
