"""A process that loads the same playbook again parses and validates it once: what it gets
is still what the files say now, its own copy to change, and every problem each time."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import HuitouError
from checker.playbook import load_playbook, positions, validate
from tests.playbook.helpers import line_of, write_playbook

SHOP = """extends: seed
rules:
  cadence.greeting:
    params:
      within: 3d
"""


def test_a_second_load_is_neither_parsed_nor_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_playbook(tmp_path / "shop", SHOP)
    first = load_playbook(folder)
    calls: list[str] = []
    for module, name in ((positions, "_parse"), (validate, "_all_problems")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _r=real, _n=name: calls.append(_n) or _r(*a))
    second = load_playbook(folder)
    assert calls == []
    assert (second.data, second.positions, second.sources) == (
        first.data,
        first.positions,
        first.sources,
    )
    write_playbook(folder, SHOP.replace("3d", "4d"))
    load_playbook(folder)
    assert calls == ["_parse", "_all_problems"]  # the shop's file only: the seed's are kept


def test_each_load_gets_its_own_copy(tmp_path: Path) -> None:
    folder = write_playbook(tmp_path / "shop", SHOP)
    first = load_playbook(folder)
    first.data["rules"]["cadence.greeting"]["params"]["within"] = "9d"
    first.positions.clear()
    second = load_playbook(folder)
    assert second.data["rules"]["cadence.greeting"]["params"]["within"] == "3d"
    assert second.positions


def test_an_edited_file_is_read_as_it_is_now(tmp_path: Path) -> None:
    folder = write_playbook(tmp_path / "shop", SHOP)
    assert load_playbook(folder).data["rules"]["cadence.greeting"]["params"]["within"] == "3d"
    text = SHOP.replace("3d", "5d")
    write_playbook(folder, text)  # the same size and, often, the same modification time
    again = load_playbook(folder)
    assert again.data["rules"]["cadence.greeting"]["params"]["within"] == "5d"
    broken = SHOP.replace("3d", "soon")
    write_playbook(folder, broken)
    with pytest.raises(HuitouError) as caught:
        load_playbook(folder)
    assert [p.line for p in caught.value.problems] == [line_of(broken, "soon")]


def test_a_broken_playbook_tells_every_problem_on_every_load(tmp_path: Path) -> None:
    broken = SHOP.replace("3d", "soon") + "timezone: Mars/Olympus\n"
    folder = write_playbook(tmp_path / "shop", broken)
    told = []
    for _ in range(2):
        with pytest.raises(HuitouError) as caught:
            load_playbook(folder)
        told.append(caught.value.problems)
    assert told[0] == told[1]
    assert {p.line for p in told[0]} == {line_of(broken, "soon"), line_of(broken, "Mars")}


def test_bad_yaml_is_told_on_every_load(tmp_path: Path) -> None:
    folder = write_playbook(tmp_path / "shop", "rules: [unclosed\n")
    for _ in range(2):
        with pytest.raises(HuitouError, match="not valid YAML"):
            load_playbook(folder)
