"""``huitou demo``: write a realistic demo shop log with a known share of planted lapses."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from checker.demo import MIN_EVENTS
from checker.errors import EXIT_OK, HuitouError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="write a demo shop log (with planted lapses)",
        description="Write a year of a demo tea shop's customer interactions: purchases in the "
        "store and online, care messages, campaigns, complaints, promises, holidays and "
        "birthdays. Most service follows the seed playbook; a known share of lapses of every "
        "seed rule is planted (--truth-out lists them). The same --seed gives the same log.",
    )
    p.add_argument(
        "--events",
        type=int,
        default=3000,
        metavar="N",
        help=f"number of events, at least {MIN_EVENTS} (default: 3000)",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=Path("demo-events.csv"),
        metavar="FILE",
        help="the log: .csv, .jsonl or .parquet (default: demo-events.csv)",
    )
    p.add_argument(
        "--customers-out",
        type=Path,
        default=None,
        metavar="FILE",
        help="also write the customers file (customer_id, birthday, tier)",
    )
    p.add_argument(
        "--truth-out",
        type=Path,
        default=None,
        metavar="FILE",
        help="also write the planted lapses as JSON (rule, event_id, customer_id)",
    )
    p.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    p.add_argument(
        "--start",
        type=date.fromisoformat,
        default=date(2024, 7, 1),
        metavar="YYYY-MM-DD",
        help="first day of the year logged (default: 2024-07-01)",
    )
    p.add_argument(
        "--lapse-rate",
        type=float,
        default=0.07,
        metavar="SHARE",
        help="rough share of opportunities with a planted lapse (default: 0.07)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.events < MIN_EVENTS:
        raise HuitouError(f"--events must be at least {MIN_EVENTS}.")
    if not 0 <= args.lapse_rate <= 0.12:
        raise HuitouError("--lapse-rate must be between 0 and 0.12.")
    from checker.demo import RULES, DemoSpec, write_demo  # numpy: only when writing a log

    spec = DemoSpec(events=args.events, seed=args.seed, start=args.start, rate=args.lapse_rate)
    try:
        done = write_demo(spec, args.out, args.customers_out, args.truth_out)
    except ValueError as exc:
        raise HuitouError(f"{exc}.") from exc
    print(f"wrote {done.events:,} events of {done.customers:,} customers to {args.out}")
    if args.customers_out:
        print(f"wrote the customers file to {args.customers_out}")
    planted = sum(done.lapses.values())
    print(
        f"planted {planted:,} lapses of {sum(1 for r in RULES if done.lapses[r])} rules"
        + (f", listed in {args.truth_out}" if args.truth_out else "")
    )
    return EXIT_OK
