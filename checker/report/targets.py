"""``huitou check --report FORMAT=FILE``: more reports of the same audit, each in its file.

A CI job usually wants several files from one audit (a SARIF file for code scanning, JUnit
for the test tab, a Markdown job summary). Each is the same report in another format: the
audit runs once, and every file is written from its result.

Kept free of pyarrow (``huitou --help`` builds the parser, which uses `report_target`).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from checker.errors import HuitouError, Problem
from checker.report.formats import FORMATS


@dataclass(frozen=True)
class Target:
    """One more report: its format and the file it goes to."""

    fmt: str
    path: Path


def report_target(text: str) -> Target:
    """``--report FORMAT=FILE`` (argparse's ``type``): a usage error names what is wrong."""
    fmt, sep, path = text.partition("=")
    fmt = fmt.strip().lower()
    if not sep or not path.strip() or not fmt:
        raise argparse.ArgumentTypeError(
            f"write FORMAT=FILE, for example sarif=huitou.sarif (not {text!r})"
        )
    if fmt not in FORMATS:
        raise argparse.ArgumentTypeError(
            f"unknown report format {fmt!r} in {text!r}; choose one of: {', '.join(FORMATS)}"
        )
    return Target(fmt, Path(path))


def _same(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def refuse_clashes(output: str | None, targets: list[Target], inputs: list[Path]) -> None:
    """Before the audit: no report file may be an input (writing it would destroy the log),
    and no two reports may share a file (the second would overwrite the first). Every clash
    is named at once."""
    outputs = [("--output", Path(output))] if output is not None else []
    outputs += [(f"--report {t.fmt}={t.path}", t.path) for t in targets]
    problems = [
        Problem(
            f"{flag} names an input file: the report would overwrite it; give another file",
            file=str(p),
        )
        for flag, out in outputs
        for p in inputs
        if _same(p, out)
    ]
    problems += [
        Problem(f"{flag} and {other} name the same file: give each report its own")
        for i, (flag, out) in enumerate(outputs)
        for other, again in outputs[i + 1 :]
        if _same(out, again)
    ]
    if problems:
        raise HuitouError("A report would overwrite another file of the audit.", problems)
