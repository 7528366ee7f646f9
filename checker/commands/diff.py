"""``huitou diff OLD.json NEW.json``: what a change (of playbook, of logs) does to an audit."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from checker.errors import EXIT_FINDINGS, EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "diff",
        help="compare two JSON audit reports by fingerprint",
        description="Compare two reports of `huitou check --format json` by fingerprint: per "
        "rule the findings new in NEW, fixed (in OLD only), unchanged, and those whose status "
        "changed. Exit 1 when NEW has findings OLD had not.",
    )
    p.add_argument("old", type=Path, metavar="OLD.json", help="the report before the change")
    p.add_argument("new", type=Path, metavar="NEW.json", help="the report after the change")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    p.add_argument("--show", type=int, default=5, metavar="N", help="findings listed per rule")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from checker.audit_diff import as_json, compare, read_findings

    diff = compare(read_findings(args.old), read_findings(args.new))
    summary = as_json(diff)
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(
            f"{args.old} -> {args.new}: {summary['new']} new, {summary['fixed']} fixed, "
            f"{summary['changed']} changed status, {summary['unchanged']} unchanged"
        )
        for rule, d in diff.items():
            if not (d.new or d.fixed or d.changed):
                continue
            print(f"{rule}: +{len(d.new)} new, -{len(d.fixed)} fixed, ~{len(d.changed)} changed")
            for sign, found in (("+", d.new), ("-", d.fixed)):
                for f in found[: args.show]:
                    where = f"{f.get('file')}:{f.get('line')}" if f.get("file") else f.get("ts")
                    text = " ".join(f"{f.get('message')} — {f.get('evidence')}".split())
                    print(f"  {sign} {f['status']}  {where}  {f.get('customer_id')}  {text}")
                if len(found) > args.show:
                    print(f"  {sign} ... {len(found) - args.show} more (--format json lists all)")
            for a, b in d.changed[: args.show]:
                print(f"  ~ {b['fingerprint']}: {a.get('status')} -> {b.get('status')}")
    return EXIT_FINDINGS if summary["new"] else EXIT_OK
