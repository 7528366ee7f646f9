"""The same seed gives the same files, byte for byte; another seed gives another log."""

from __future__ import annotations

from pathlib import Path

from conftest import BUNDLED, make_demo

from checker.demo import DemoSpec

FILES = ("events.csv", "customers.csv", "truth.json")


def _bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def test_same_seed_same_files(tmp_path: Path) -> None:
    a = make_demo(tmp_path / "a", DemoSpec(events=1200, seed=21, chunk_events=500))
    b = make_demo(tmp_path / "b", DemoSpec(events=1200, seed=21, chunk_events=500))
    c = make_demo(tmp_path / "c", DemoSpec(events=1200, seed=22, chunk_events=500))
    assert _bytes(a) == _bytes(b)
    assert _bytes(a)["events.csv"] != _bytes(c)["events.csv"]


def test_bundled_demo_is_what_the_documented_command_writes(tmp_path: Path) -> None:
    """examples/demo is `huitou demo --events 3000 --seed 7` (the defaults): keep it current."""
    fresh = make_demo(tmp_path, DemoSpec(events=3000, seed=7))
    assert _bytes(fresh) == _bytes(BUNDLED)
