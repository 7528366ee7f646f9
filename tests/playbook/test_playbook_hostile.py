"""Hostile and careless playbooks: bounded work, clear exit 2 with file and line, nothing
run that check could not run, `extends` kept inside the playbook's folder and the built-ins."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.playbook.bounds import MAX_DEPTH, MAX_VALUES
from tests.playbook.helpers import line_of, write_playbook


def _bomb(levels: int, width: int = 9) -> str:
    """The "billion laughs": each level a list of ``width`` aliases of the one before."""
    items = ", ".join(['"lol"'] * width)
    lines = [f"l0: &l0 [{items}]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    return "extends: seed\nhandbook_bomb:\n" + "\n".join(f"  {x}" for x in lines) + "\n"


MERGE_BOMB = """\
extends: seed
a: &a {k0: 1, k1: 1, k2: 1, k3: 1, k4: 1, k5: 1, k6: 1, k7: 1}
b: &b {x0: *a, x1: *a, x2: *a, x3: *a, x4: *a, x5: *a, x6: *a, x7: *a}
c: &c {<<: *b, y0: *b, y1: *b, y2: *b, y3: *b, y4: *b, y5: *b, y6: *b, y7: *b}
d: &d {z0: *c, z1: *c, z2: *c, z3: *c, z4: *c, z5: *c, z6: *c, z7: *c}
e: &e {w0: *d, w1: *d, w2: *d, w3: *d, w4: *d, w5: *d, w6: *d, w7: *d}
f: [*e, *e, *e, *e, *e, *e, *e, *e]
"""


@pytest.mark.parametrize("levels", [7, 9, 12, 30])
def test_alias_bombs_are_refused_with_file_and_line(
    tmp_path: Path, cli: Callable, levels: int
) -> None:
    text = _bomb(levels)
    folder = write_playbook(tmp_path / "bomb", text)
    for command in (["lint", folder], ["check", tmp_path / "none.csv", "--playbook", folder]):
        code, out, err = cli(*command)
        assert code == 2, err
        assert out == ""
        assert f"{folder / 'playbook.yaml'}:" in err
        assert f"more than {MAX_VALUES:,} values" in err
        assert "Traceback" not in err


def test_a_merge_key_bomb_is_refused(tmp_path: Path, cli: Callable) -> None:
    folder = write_playbook(tmp_path / "merge", MERGE_BOMB)
    code, _, err = cli("lint", folder)
    assert code == 2
    assert f"more than {MAX_VALUES:,} values" in err


def test_a_few_ordinary_aliases_are_fine(tmp_path: Path, cli: Callable) -> None:
    text = (
        "extends: seed\n"
        "rules:\n"
        "  cadence.greeting: &quick\n"
        "    params: {within: 3d}\n"
        "  cadence.usage-check:\n"
        "    enabled: false\n"
    )
    folder = write_playbook(tmp_path / "ok", text)
    code, out, err = cli("lint", folder)
    assert code == 0, err
    assert out.startswith("ok: ")
    # A small bomb (9**4 values) is below the bound, and is then judged on its content.
    folder = write_playbook(tmp_path / "small", _bomb(4))
    code, _, err = cli("lint", folder)
    assert code == 2
    assert "more than" not in err and "handbook_bomb" in err


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "a: " + "{x: " * 5_000 + "1" + "}" * 5_000 + "\n",
        "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
        "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "v: 1\n",
    ],
    ids=["10k brackets", "5k braces", "just past the bound", "200 block levels"],
)
def test_deep_nesting_is_refused_not_a_recursion_error(
    tmp_path: Path, cli: Callable, text: str
) -> None:
    folder = write_playbook(tmp_path / "deep", text)
    limit = sys.getrecursionlimit()
    code, _out, err = cli("lint", folder)
    assert sys.getrecursionlimit() == limit
    assert code == 2, err
    assert f"nest more than {MAX_DEPTH} levels" in err
    assert f"{folder / 'playbook.yaml'}:1:" in err or f"{folder / 'playbook.yaml'}:" in err
    assert "Traceback" not in err and "RecursionError" not in err


def test_an_alias_deep_only_where_used_is_measured_there(tmp_path: Path, cli: Callable) -> None:
    half = MAX_DEPTH // 2 + 2
    text = "a: &a " + "[" * half + "]" * half + "\nb: " + "[" * half + "*a" + "]" * half + "\n"
    code, _, err = cli("lint", write_playbook(tmp_path / "deep", text))
    assert code == 2
    assert f"nest more than {MAX_DEPTH} levels" in err


def test_a_self_referring_alias_is_refused(tmp_path: Path, cli: Callable) -> None:
    folder = write_playbook(tmp_path / "cycle", "extends: seed\nroster: &r [a, *r]\n")
    code, _, err = cli("lint", folder)
    assert code == 2
    assert "refers to the value that contains it" in err
    assert f"{folder / 'playbook.yaml'}:2:" in err


NUMBERS = """\
extends: seed
rules:
  cadence.greeting:
    params: {within: 99999999999d}
  no-pressure.frequency-cap:
    params: {max: 99999999999999999999999}
segments:
  lookback: 36501d
  vip: {top_share: .nan}
  dormant: {no_purchase_for: 876001h}
"""


@pytest.mark.parametrize(
    ("needle", "what"),
    [
        ("99999999999d", "longer than 36500 days"),
        ("99999999999999999999999", "too large"),
        ("36501d", "longer than 36500 days"),
        (".nan", "not a finite number"),
        ("876001h", "longer than 36500 days"),
    ],
)
def test_lint_refuses_numbers_check_could_not_run(
    tmp_path: Path, cli: Callable, needle: str, what: str
) -> None:
    folder = write_playbook(tmp_path / "numbers", NUMBERS)
    code, _, err = cli("lint", folder)
    assert code == 2
    where = f"{folder / 'playbook.yaml'}:{line_of(NUMBERS, needle)}: "
    assert any(where in line and what in line for line in err.splitlines()), err
    # check refuses the same playbook before reading any log (lint and check agree).
    log = tmp_path / "log.csv"
    log.write_text("ts,customer_id,event\n2025-03-03 10:00,C1,purchase\n", encoding="utf-8")
    code, _, err2 = cli("check", log, "--playbook", folder)
    assert code == 2 and "Traceback" not in err2 and what in err2


@pytest.mark.parametrize("value", [".inf", "-.inf", ".NaN"])
def test_non_finite_shares_are_refused(tmp_path: Path, cli: Callable, value: str) -> None:
    folder = write_playbook(
        tmp_path / "inf", f"extends: seed\nsegments:\n  vip: {{top_share: {value}}}\n"
    )
    code, _, err = cli("lint", folder)
    assert code == 2
    assert f"{folder / 'playbook.yaml'}:3" in err


def test_the_longest_allowed_duration_passes(tmp_path: Path, cli: Callable) -> None:
    text = "extends: seed\nrules:\n  cadence.greeting:\n    params: {within: 36500d}\n"
    code, _, err = cli("lint", write_playbook(tmp_path / "long", text))
    assert code == 0, err


@pytest.mark.parametrize("spec", ["../outside", "../../etc", "/etc", "sub/../../outside"])
def test_extends_may_not_leave_the_playbook_folder(
    tmp_path: Path, cli: Callable, spec: str
) -> None:
    write_playbook(tmp_path / "outside", "extends: seed\n")
    folder = write_playbook(tmp_path / "shop", f"extends: {spec}\n")
    code, _, err = cli("lint", folder)
    assert code == 2
    assert f"{folder / 'playbook.yaml'}:1: 'extends: {spec}' points outside" in err
    assert "built-in" in err


def test_extends_may_not_leave_through_a_symlink(tmp_path: Path, cli: Callable) -> None:
    outside = write_playbook(tmp_path / "outside", "extends: seed\n")
    folder = write_playbook(tmp_path / "shop", "extends: base\n")
    os.symlink(outside, folder / "base")
    code, _, err = cli("lint", folder)
    assert code == 2
    assert "points outside" in err


def test_extends_inside_the_folder_and_the_builtins_work(tmp_path: Path, cli: Callable) -> None:
    shop = write_playbook(
        tmp_path / "shop", "extends: base\nrules:\n  cadence.greeting:\n    params: {within: 3d}\n"
    )
    write_playbook(shop / "base", "extends: seed\n")
    code, _out, err = cli("lint", shop)
    assert code == 0, err
    from checker.paths import seed_playbook_dir

    absolute = write_playbook(tmp_path / "abs", f"extends: {seed_playbook_dir()}\n")
    code, _, err = cli("lint", absolute)
    assert code == 0, err


def test_a_cycle_inside_the_folder_is_reported(tmp_path: Path, cli: Callable) -> None:
    shop = write_playbook(tmp_path / "shop", "extends: inner\n")
    write_playbook(shop / "inner", "extends: ..\n")
    code, _, err = cli("lint", shop)
    assert code == 2
    assert "remove the cycle in 'extends'" in err


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "~\n"])
def test_an_empty_playbook_names_its_file(tmp_path: Path, cli: Callable, text: str) -> None:
    folder = write_playbook(tmp_path / "empty", text)
    code, _, err = cli("lint", folder)
    assert code == 2
    problems = [line for line in err.splitlines() if line.startswith("  - ")]
    assert problems
    assert all(f"{folder / 'playbook.yaml'}:1: " in line for line in problems), err


def test_lint_refuses_two_different_playbooks(tmp_path: Path, cli: Callable) -> None:
    a = write_playbook(tmp_path / "a", "extends: seed\n")
    b = write_playbook(tmp_path / "b", "extends: seed\nversion: x\n")
    code, out, err = cli("lint", a, "--playbook", b)
    assert code == 2 and out == ""
    assert "Two playbooks given" in err and str(a) in err and str(b) in err
    code, out, err = cli("lint", a, "--playbook", a)  # the same one twice is not ambiguous
    assert code == 0, err
    code, _, err = cli("lint", "--playbook", b)  # the flag alone is used, not ignored
    assert code == 2 and "version" in err


def test_paths_are_printed_relative_never_absolute(
    tmp_path: Path, cli: Callable, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = cli("lint")
    assert code == 0
    assert "playbooks/seed/rules.yaml" in out and "/playbooks" not in out
    monkeypatch.chdir(tmp_path)
    write_playbook(tmp_path / "shop", "extends: seed\n")
    log = tmp_path / "log.csv"
    log.write_text("ts,customer_id,event\n2025-03-03 10:00,C1,purchase\n", encoding="utf-8")
    code, out, _ = cli("lint", tmp_path / "shop")
    assert code == 0
    assert str(tmp_path) not in out and "shop/playbook.yaml" in out
    code, out, _ = cli("check", "log.csv", "--playbook", "shop", "--format", "json")
    report = json.loads(out)
    assert report["playbook"] == "playbooks/seed + shop"
    assert str(tmp_path) not in out and "/playbooks" not in out
    write_playbook(tmp_path / "bad", "extends: seed\nversion: x\n")
    code, _, err = cli("lint", tmp_path / "bad")
    assert code == 2
    assert "\n  - bad/playbook.yaml:2: " in err


@pytest.mark.parametrize("spec", ["..", ".", "seed/..", "../../seed"])
def test_a_builtin_name_is_a_name_not_a_path(tmp_path: Path, cli: Callable, spec: str) -> None:
    shop = write_playbook(tmp_path / "shop", "extends: inner\n")
    write_playbook(shop / "inner", f"extends: {spec}\n")
    code, _, err = cli("lint", shop)
    assert code == 2
    assert "mkdocs.yml" not in err
    assert "points outside" in err or "remove the cycle" in err
