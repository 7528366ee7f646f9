"""The pre-commit hook manifest: valid for pre-commit itself, and its hook lints the changed
playbook files it selects."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).parents[2]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"


def _hook() -> dict:
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "huitou-lint")


def test_pre_commit_validates_the_manifest() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_hook_selects_playbook_files_only() -> None:
    pattern = re.compile(_hook()["files"])
    assert pattern.search("playbooks/myshop/playbook.yaml")
    assert pattern.search("playbooks/seed/rules.yml")
    assert not pattern.search("examples/demo/events.csv")
    assert not pattern.search("mkdocs.yml")


def _run_hook(files: list[Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The hook's entry with the changed files appended, as pre-commit runs it (this
    checkout's huitou in place of the installed one)."""
    entry = shlex.split(_hook()["entry"])
    assert entry[:2] == ["huitou", "lint"]
    argv = [sys.executable, "-m", "checker", *entry[1:], *map(str, files)]
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)


def test_the_hook_passes_good_playbooks_and_fails_a_broken_one(tmp_path: Path) -> None:
    shop = tmp_path / "playbooks" / "myshop"
    shop.mkdir(parents=True)
    (shop / "playbook.yaml").write_text(
        "extends: seed\nrules:\n  cadence.greeting:\n    params: {within: 3d}\n", encoding="utf-8"
    )
    shutil.copytree(ROOT / "playbooks" / "seed", tmp_path / "playbooks" / "seed")
    changed = [shop / "playbook.yaml", tmp_path / "playbooks/seed/rules.yaml"]
    done = _run_hook(changed, ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("ok:") == 2
    (shop / "playbook.yaml").write_text(
        "extends: seed\nrules:\n  cadence.greeting:\n    params: {within: soon}\n",
        encoding="utf-8",
    )
    done = _run_hook(changed, ROOT)
    assert done.returncode == 2
    assert "playbook.yaml:4" in done.stderr and "Traceback" not in done.stderr
