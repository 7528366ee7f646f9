"""``huitou check``: audit logs against the playbook and report the findings."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from checker.commands._common import add_lang_arg, add_playbook_arg, lang_of, playbook_from
from checker.engine.backends.options import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_SPARK_MASTER,
    ENGINES,
    EngineOptions,
)
from checker.errors import EXIT_FINDINGS, EXIT_OK, HuitouError, Problem
from checker.report.formats import FORMATS, refuse_stdout, write_report
from checker.report.show import DEFAULT_SHOW, HTML_SHOW, default_show, show_count
from checker.report.targets import refuse_clashes, report_target

if TYPE_CHECKING:
    from checker.report.model import AuditReport

SITE_URL_ENV = "HUITOU_SITE_URL"
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
    p.add_argument(
        "--by",
        choices=["agent", "channel"],
        help="with --format csv: the scorecards per agent or channel instead of the findings",
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write the report here (default: stdout)")
    p.add_argument(
        "--report",
        type=report_target,
        action="append",
        default=[],
        metavar="FORMAT=FILE",
        help="also write the report in FORMAT to FILE, from the same audit (repeatable; "
        "e.g. --report sarif=huitou.sarif --report junit=huitou.xml)",
    )
    p.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="error",
        help="exit 1 when a violation of this severity or worse is found",
    )
    p.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="mark findings new or known against this baseline, list its fixed ones; "
        "--fail-on then counts only new findings",
    )
    p.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="write this audit's findings as a baseline (with --baseline FILE: update it)",
    )
    p.add_argument(
        "--show",
        type=show_count,
        default=argparse.SUPPRESS,  # each format's own default (see `default_show`)
        metavar="N",
        help=f"text/markdown/html: findings shown per rule (default {DEFAULT_SHOW}, html "
        f"{HTML_SHOW}; 'all' for all)",
    )
    p.add_argument(
        "--site-url",
        metavar="URL",
        default=os.environ.get(SITE_URL_ENV) or None,
        help=f"where the handbook is published (SARIF and HTML link each rule to its entry; "
        f"default ${SITE_URL_ENV})",
    )
    p.add_argument(
        "--history",
        type=Path,
        metavar="FILE",
        help="append this audit's summary to FILE (JSON Lines; a folder: its "
        "huitou-history.jsonl) and report every audit recorded there",
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
        try:
            value = value.astimezone(ZoneInfo(tz)).replace(tzinfo=None)
        except OverflowError as exc:
            raise HuitouError(
                "Bad --as-of.",
                [Problem(f"{text!r} leaves years 1-9999 in the playbook's time zone")],
            ) from exc
    elif len(text.strip()) == 10:  # a bare date means the end of that day
        value = value.replace(hour=23, minute=59, second=59)
    return value


def run(args: argparse.Namespace) -> int:
    if args.by is not None and args.format != "csv":  # before the audit, not after it
        raise HuitouError(
            "--by needs --format csv",
            [Problem(f"--by {args.by} with --format {args.format}: add --format csv")],
        )
    refuse_stdout(args.format, args.output)  # before the audit, not after it
    from checker.trends.history_file import before_audit, recorded

    history = before_audit(args.history)  # a damaged history stops the audit before it runs
    inputs = [*args.logs, *([args.customers] if args.customers else [])]
    refuse_clashes(args.output, args.report, [*inputs, *([history.path] if history else [])])
    # Imported here, not above: building the parser (`huitou --help`, every other command)
    # must not import Ibis, DuckDB or pyarrow; only an audit needs them.
    from checker.baseline import flags as baseline_flags

    known = baseline_flags.before_audit(args.baseline)  # a corrupt one, too (before the engine)
    from checker.engine.audit import run_engine
    from checker.engine.backends import open_backend
    from checker.findings import build_report, evidence_writer
    from checker.progress import AuditProgress
    from checker.pseudonyms import customer_names

    steps = AuditProgress(enabled=sys.stderr.isatty())
    # The database closes on `closer` while the report is built: the engine's results are
    # Arrow tables by then, and leaving the `with` waits for the close.
    with steps, ThreadPoolExecutor(1, thread_name_prefix="huitou-close") as closer:
        steps.step("playbook")
        pb = playbook_from(args)
        lang = lang_of(args, pb)
        as_of = parse_as_of(args.as_of, pb.timezone)
        engine = EngineOptions(args.engine, args.memory_limit, args.spark_master)
        with open_backend(engine, closer=closer) as backend:
            result = run_engine(
                backend.con,
                backend.workdir,
                args.logs,
                pb,
                customers=args.customers,
                as_of=as_of,
                customer_names=customer_names(pb, args.reveal_ids),
                evidence=evidence_writer(pb, lang),
                progress=steps,
            )
        steps.step("report")
        keyed = customer_names(pb) if args.reveal_ids else None  # fingerprints: keyed ids
        report = build_report(result, pb, lang=lang, keyed=keyed, site_url=args.site_url)
    report = baseline_flags.apply(report, known, args.baseline, args.write_baseline)
    code = exit_code(report, args.fail_on)
    report = dataclasses.replace(recorded(report, history), exit_code=code)
    write_report(
        dataclasses.replace(report, show=_show(args, args.format)),
        args.format,
        args.output,
        color=args.format == "text" and args.output is None and _wants_color(),
        by=args.by,
    )
    for target in args.report:  # the same audit in more formats, each in its file
        write_report(
            dataclasses.replace(report, show=_show(args, target.fmt)), target.fmt, target.path
        )
    return code


def _show(args: argparse.Namespace, fmt: str) -> int | None:
    """``--show`` as given (None: all), else format ``fmt``'s own default."""
    return args.show if "show" in args else default_show(fmt)


def exit_code(report: AuditReport, fail_on: str) -> int:
    """1 when a violation at or above ``fail_on`` is found (with a baseline: a new one)."""
    if fail_on == "never":
        return EXIT_OK
    new = {"baseline_state": "new"} if report.baseline is not None else {}
    severities = report.findings.distinct_where("severity", status="violation", **new)
    floor = SEVERITY_RANK[fail_on]
    failing = any(SEVERITY_RANK[s] >= floor for s in severities)
    return EXIT_FINDINGS if failing else EXIT_OK


def _wants_color() -> bool:
    from checker.terminal import wants_color  # rich: only when a text report goes to stdout

    return wants_color(sys.stdout)
