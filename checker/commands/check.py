"""``huitou check``: audit logs against the playbook and report the findings."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from checker.commands._common import add_lang_arg, add_playbook_arg, lang_of, playbook_from
from checker.engine.audit import run_engine
from checker.engine.backends import (
    DEFAULT_SPARK_MASTER,
    ENGINES,
    EngineOptions,
    open_backend,
)
from checker.engine.backends.duckdb import DEFAULT_MEMORY_LIMIT
from checker.errors import EXIT_FINDINGS, EXIT_OK, HuitouError, Problem
from checker.findings import build_report, evidence_writer
from checker.progress import Steps
from checker.pseudonyms import customer_names
from checker.report.formats import FORMATS, write_report

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="audit interaction logs against the playbook",
        description="Audit interaction logs (CSV, JSON Lines, Parquet) against "
        "the playbook and report every finding with its evidence.",
    )
    p.add_argument("logs", nargs="+", type=Path, metavar="LOG", help="log files to audit")
    add_playbook_arg(p)
    p.add_argument(
        "--customers", type=Path, metavar="FILE", help="customers file: customer_id, birthday, tier"
    )
    p.add_argument("--as-of", metavar="TS", help="end of the audit (default: the latest event)")
    p.add_argument("--format", choices=list(FORMATS), default="text", help="report format")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report here (default: stdout)")
    p.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="error",
        help="exit 1 when a violation of this severity or worse is found",
    )
    add_lang_arg(p)
    p.add_argument(
        "--reveal-ids",
        action="store_true",
        help="show raw customer ids (internal use only; default: pseudonyms)",
    )
    p.add_argument(
        "--memory-limit",
        metavar="SIZE",
        default=None,
        help=f"DuckDB memory limit, e.g. 2GB (default {DEFAULT_MEMORY_LIMIT}; spills to disk "
        "beyond it)",
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="duckdb",
        help="where the audit runs: in-process DuckDB (default) or Spark (pip install "
        '"huitou[spark]")',
    )
    p.add_argument(
        "--spark-master",
        metavar="URL",
        default=DEFAULT_SPARK_MASTER,
        help=f"Spark master with --engine spark (default {DEFAULT_SPARK_MASTER}; a cluster's "
        "URL, or sc://HOST:PORT for Spark Connect)",
    )
    p.set_defaults(func=run)


def parse_as_of(text: str | None, tz: str) -> datetime | None:
    """``--as-of``: a date (its end) or a time, with or without an offset."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise HuitouError(
            "Bad --as-of.",
            [Problem(f"{text!r} is not a time: write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]")],
        ) from exc
    if value.tzinfo is not None:
        value = value.astimezone(ZoneInfo(tz)).replace(tzinfo=None)
    elif len(text.strip()) == 10:  # a bare date means the end of that day
        value = value.replace(hour=23, minute=59, second=59)
    return value


def run(args: argparse.Namespace) -> int:
    steps = Steps(enabled=sys.stderr.isatty())
    # The database closes on `closer` while the report is built: the engine's results are
    # Arrow tables by then, and leaving the `with` waits for the close.
    with steps, ThreadPoolExecutor(1, thread_name_prefix="huitou-close") as closer:
        steps.advance("playbook")
        pb = playbook_from(args)
        lang = lang_of(args, pb)
        as_of = parse_as_of(args.as_of, pb.timezone)
        engine = EngineOptions(args.engine, args.memory_limit, args.spark_master)
        with open_backend(engine, closer=closer) as backend:
            steps.advance("audit")
            result = run_engine(
                backend.con,
                backend.workdir,
                args.logs,
                pb,
                customers=args.customers,
                as_of=as_of,
                customer_names=customer_names(pb, args.reveal_ids),
                evidence=evidence_writer(pb, lang),
            )
        steps.advance("report")
        report = build_report(result, pb, lang=lang)
    write_report(
        report,
        args.format,
        args.output,
        color=args.format == "text" and args.output is None and sys.stdout.isatty(),
    )
    if args.fail_on == "never":
        return EXIT_OK
    floor = SEVERITY_RANK[args.fail_on]
    failing = any(SEVERITY_RANK[s] >= floor for s in report.violations().distinct("severity"))
    return EXIT_FINDINGS if failing else EXIT_OK
