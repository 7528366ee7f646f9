"""`huitou lint`'s holiday names come from a disk cache stamped with the installed library:
the same names as the library gives, read without importing it once cached, and any cache
trouble (another library, a damaged file, a folder that cannot be written) falls back to the
library rather than failing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.engine.calendar import holiday_names
from checker.engine.holiday_names import CACHE_ENV, known_names, library_stamp

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "holiday-names"


def test_cached_names_are_the_librarys_and_are_read_back(cache: Path) -> None:
    library = holiday_names("CN", 2025)
    assert "Chinese New Year (Spring Festival)" in library
    assert known_names("CN", 2025) == library
    stored = json.loads((cache / "CN-2025.json").read_text(encoding="utf-8"))
    assert stored["library"] == library_stamp()
    assert set(stored["names"]) == library
    stored["names"] = ["only this"]  # what is read back is the file, not the library again
    (cache / "CN-2025.json").write_text(json.dumps(stored), encoding="utf-8")
    assert known_names("CN", 2025) == {"only this"}


@pytest.mark.parametrize(
    "content",
    [
        '{"library": "another install", "names": ["stale"]}',
        '{"library": "STAMP", "names": [1, 2]}',
        '{"names": ["no stamp"]}',
        "not json {",
        "",
    ],
    ids=["other library", "names not text", "no stamp", "damaged", "empty"],
)
def test_a_stale_or_damaged_cache_is_replaced_from_the_library(cache: Path, content: str) -> None:
    cache.mkdir(parents=True)
    (cache / "US-2024.json").write_text(content.replace("STAMP", str(library_stamp())))
    assert known_names("US", 2024) == holiday_names("US", 2024)
    stored = json.loads((cache / "US-2024.json").read_text(encoding="utf-8"))
    assert stored["library"] == library_stamp()


def test_a_cache_folder_that_cannot_be_made_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert known_names("CN", 2025) == holiday_names("CN", 2025)
    assert list(tmp_path.iterdir()) == [blocker]


def test_lint_reads_cached_names_without_importing_the_library(tmp_path: Path) -> None:
    env = {**os.environ, CACHE_ENV: str(tmp_path)}
    probe = (
        "import sys; from checker.cli import main; code = main(['lint']); "
        "print('holidays' in sys.modules, code)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [r.stdout.splitlines()[-1] for r in runs] == ["True 0", "False 0"], runs[1].stderr
    lint_output = [r.stdout.splitlines()[:-1] for r in runs]
    assert lint_output[0] == lint_output[1]  # the same lint, warnings and all


def test_lint_warns_of_a_holiday_name_the_library_does_not_know(
    tmp_path: Path, cache: Path
) -> None:
    pb = tmp_path / "pb.yaml"
    pb.write_text(
        "extends: seed\ncalendar:\n  holidays:\n    spring_festival:\n"
        "      match: Spring Festival Eve Party\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "checker", "lint", str(pb)],
        cwd=ROOT,
        env={**os.environ, CACHE_ENV: str(cache.parent)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "holiday 'Spring Festival Eve Party' is not in the calendar library" in done.stdout
