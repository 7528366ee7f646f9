"""`huitou lint` rejects a churn reason naming an unknown rule, kind or event, or "none"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.playbook.helpers import line_of, write_playbook

BAD = """\
extends: seed
churn:
  after: 90 days
  reasons:
    - id: complaint
      title: {zh: 投诉, en: complaint}
      rules: [service.complaint-akc]
    - id: opt_out
      title: {zh: 退订, en: opted out}
      events: [opt_outt]
    - id: silence
      title: {zh: 沉默, en: silence}
      kinds: [max_silense]
    - id: none
      title: {zh: 无, en: none}
      events: [opt_out]
"""
PROBLEMS = [
    ("90 days", "churn.after"),
    ("complaint-akc", "churn.reasons[0].rules[0]"),
    ("opt_outt", "churn.reasons[1].events[0]"),
    ("max_silense", "churn.reasons[2].kinds[0]"),
    ("id: none", "churn.reasons[3].id"),
]


def test_bad_reasons_are_reported_with_file_line_and_path(tmp_path: Path, cli: Callable) -> None:
    folder = write_playbook(tmp_path / "shop", BAD)
    code, out, err = cli("lint", folder)
    assert code == 2 and out == ""
    for needle, path in PROBLEMS:
        where = f"{folder / 'playbook.yaml'}:{line_of(BAD, needle)}: "
        assert any(where in line and f"(at {path})" in line for line in err.splitlines()), (
            needle,
            err,
        )


def test_a_reason_given_twice_is_reported(tmp_path: Path, cli: Callable) -> None:
    text = (
        "extends: seed\nchurn:\n  reasons:\n"
        "    - {id: a, title: {zh: 甲, en: a}, events: [opt_out]}\n"
        "    - {id: a, title: {zh: 乙, en: b}, events: [opt_out]}\n"
    )
    code, _, err = cli("lint", write_playbook(tmp_path / "twice", text))
    assert code == 2
    assert "reason 'a' is given twice" in err and "churn.reasons[1].id" in err
