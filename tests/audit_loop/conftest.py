"""The daily audit loop: the demo log re-made as exports are (shuffled, split, renamed, cut)."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from checker.cli import main

DEMO = Path(__file__).parents[2] / "examples" / "demo"
CUSTOMERS = DEMO / "customers.csv"


def read_rows(path: Path = DEMO / "events.csv") -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def shuffled_split(
    folder: Path, header: list[str], rows: list[dict[str, str]], seed: int = 7
) -> list[Path]:
    """The rows in another order, in two files with other names."""
    folder.mkdir(parents=True, exist_ok=True)
    mixed = random.Random(seed).sample(rows, len(rows))
    half = len(mixed) // 3
    return [
        write_rows(folder / "export-part-b.csv", header, mixed[:half]),
        write_rows(folder / "export-part-a.csv", header, mixed[half:]),
    ]


def run(*argv: str | Path) -> tuple[int, str, str]:
    """``huitou`` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


Audit = Callable[..., dict[str, Any]]


@pytest.fixture
def audit(tmp_path: Path) -> Audit:
    """The JSON report of ``huitou check LOGS... --customers demo`` (plus ``extra``)."""
    return audit_in(tmp_path)


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The JSON report of the bundled demo (``audit([DEMO / "events.csv"])``), audited once
    for a module's tests that only read it."""
    return audit_in(tmp_path_factory.mktemp("demo"))([DEMO / "events.csv"])


def audit_in(tmp_path: Path) -> Audit:
    """`audit`, its reports written in ``tmp_path``."""
    count = iter(range(1000))

    def audit_(logs: list[Path], *extra: str | Path) -> dict[str, Any]:
        out = tmp_path / f"report-{next(count)}.json"
        code, _, err = run(
            "check", *logs, "--customers", CUSTOMERS, "--format", "json", "-o", out, *extra
        )
        assert code in (0, 1), err
        return json.loads(out.read_text(encoding="utf-8"))

    return audit_


def by_fingerprint(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {f["fingerprint"]: f for f in report["findings"]}
    assert len(found) == len(report["findings"]), "two findings share a fingerprint"
    return found
