"""`huitou demo` on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_rows, read_truth

from checker.cli import main


def test_demo_command_writes_log_customers_and_truth(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "shop" / "log.csv"
    code = main(
        [
            "demo",
            "--events",
            "500",
            "--out",
            str(out),
            "--customers-out",
            str(tmp_path / "shop" / "customers.csv"),
            "--truth-out",
            str(tmp_path / "shop" / "truth.json"),
            "--seed",
            "2",
            "--start",
            "2025-01-01",
        ]
    )
    assert code == 0
    rows = read_rows(out)
    assert len(rows) == 500
    assert min(r["ts"][:10] for r in rows) == "2025-01-01"
    assert read_truth(tmp_path / "shop")
    assert "500 events" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--events", "99"], ["--lapse-rate", "0.5"], ["--out", "x.xlsx"]])
def test_demo_command_rejects_bad_arguments(tmp_path: Path, args: list[str]) -> None:
    args = [a if a != "x.xlsx" else str(tmp_path / a) for a in args]
    assert main(["demo", "--out", str(tmp_path / "d.csv"), *args]) == 2
