"""Small demo logs shared by the demo tests (generated once per session)."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from checker.demo import DemoSpec, write_demo

BUNDLED = Path(__file__).resolve().parents[2] / "examples" / "demo"
SHANGHAI = timezone(timedelta(hours=8))


def make_demo(folder: Path, spec: DemoSpec, name: str = "events.csv") -> Path:
    write_demo(spec, folder / name, folder / "customers.csv", folder / "truth.json")
    return folder


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_truth(folder: Path) -> list[dict]:
    return json.loads((folder / "truth.json").read_text(encoding="utf-8"))


def local_ts(text: str) -> datetime:
    """A log time as naive Shanghai time (offsets converted), as the audit reads it."""
    t = datetime.fromisoformat(text)
    return t.astimezone(SHANGHAI).replace(tzinfo=None) if t.tzinfo else t


@pytest.fixture(scope="session")
def chunked_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo built in three chunks with a different seed than the bundled one."""
    spec = DemoSpec(events=7000, seed=11, chunk_events=2500)
    return make_demo(tmp_path_factory.mktemp("chunked"), spec)
