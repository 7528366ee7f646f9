"""``huitou check --history FILE``: each audit appends one line; the report carries every
entry; appends from processes running at once all land whole; a damaged history stops the
audit with every damaged line named, and the file is left byte for byte as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.errors import HuitouError
from checker.paths import schema_dir
from checker.trends.history import line_of, parsed
from checker.trends.history_file import DEFAULT_NAME, append, checked, resolved
from checker.trends.model import Counted

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
SCHEMA = json.loads((schema_dir() / "history-entry.schema.json").read_text(encoding="utf-8"))


def sample(tag: str = "playbooks/seed") -> dict[str, Any]:
    def c() -> dict[str, Any]:
        return Counted(10, 1, 2).as_dict()

    return {
        "recorded_at": "2025-04-01T01:00:00+00:00",
        "as_of": "2025-03-31 23:59:59",
        "playbook": tag,
        **c(),
        "principles": {"respect": c()},
        "rules": {"respect.no-blame": c()},
        "agents": {"kf01": c()},
    }


def test_the_schema_is_valid_and_the_report_schema_holds_the_same_entry() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    report = json.loads((schema_dir() / "report.schema.json").read_text(encoding="utf-8"))
    defs = report["$defs"]
    mine = {k: v for k, v in SCHEMA.items() if k not in ("$schema", "$id", "title", "$defs")}
    assert defs["history_entry"] == in_report(mine)
    assert defs["history_counted"] == in_report(SCHEMA["$defs"]["counted"])
    assert defs["history_compliance"] == SCHEMA["$defs"]["compliance"]
    assert defs["count"] == SCHEMA["$defs"]["count"]


def in_report(node: Any) -> Any:
    """The entry schema's part as the report schema holds it: its own definitions renamed
    ``history_*`` (``count`` is the report's own, the same)."""
    text = json.dumps(node)
    for name in ("counted", "compliance"):
        text = text.replace(f'"#/$defs/{name}"', f'"#/$defs/history_{name}"')
    return json.loads(text)


def test_two_audits_append_and_the_report_carries_both(tmp_path: Path, cli: Callable) -> None:
    history = tmp_path / "history.jsonl"
    docs = []
    for n in (1, 2):
        out = tmp_path / f"r{n}.json"
        args = ["--customers", DEMO / "customers.csv", "--format", "json", "-o", out]
        code, _, err = cli("check", DEMO / "events.csv", *args, "--history", history)
        assert code == 1, err  # the demo has error-level violations
        docs.append(json.loads(out.read_text(encoding="utf-8")))
    lines = history.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert docs[0]["history"] == [json.loads(lines[0])]
    assert docs[1]["history"] == [json.loads(line) for line in lines]
    last, summary = docs[1]["history"][-1], docs[1]["summary"]
    jsonschema.validate(last, SCHEMA)
    assert last["as_of"] == docs[1]["as_of"] == "2025-06-30 20:30:00"
    assert last["violations"] == sum(s["violations"] for s in summary.values())
    assert last["rules"]["cadence.greeting"] == {
        k: summary["cadence.greeting"][k]
        for k in ("opportunities", "violations", "pending", "compliance")
    }
    greeting = summary["cadence.greeting"]["principle"]
    members = [s for s in summary.values() if s["principle"] == greeting]
    assert last["principles"][greeting]["opportunities"] == sum(s["opportunities"] for s in members)
    agents = docs[1]["scorecards"]["agents"]
    assert set(last["agents"]) == set(agents)
    assert last["agents"]["kf02"]["violations"] == agents["kf02"]["violations"]
    assert sum(a["opportunities"] for a in last["agents"].values()) == last["opportunities"]


def test_a_folder_holds_the_default_file_and_a_missing_folder_is_refused(tmp_path: Path) -> None:
    assert resolved(tmp_path) == tmp_path / DEFAULT_NAME
    with pytest.raises(HuitouError) as caught:
        resolved(tmp_path / "no" / "history.jsonl")
    assert str(caught.value) == (
        "--history: the history file's folder does not exist.\n"
        f"  - {tmp_path / 'no' / 'history.jsonl'}: create the folder first, or give a file "
        "in an existing one"
    )


def test_a_last_line_without_its_newline_is_kept_apart(tmp_path: Path) -> None:
    history = tmp_path / "h.jsonl"
    history.write_bytes(line_of(sample("a")).rstrip(b"\n"))
    entries = append(history, sample("b")).entries
    assert [e["playbook"] for e in entries] == ["a", "b"]
    assert [e["playbook"] for e in checked(history).entries] == ["a", "b"]
    assert history.read_bytes().endswith(b"\n")


def damaged(tmp_path: Path) -> tuple[Path, bytes]:
    """A history with a good line, a wrong type, a non-JSON line, an array, and a
    truncated last line (an audit killed mid-write, or a hand edit)."""
    wrong = sample()
    wrong["violations"] = "many"
    wrong["agents"]["kf01"].pop("pending")
    good = line_of(sample())
    data = good + json.dumps(wrong).encode() + b"\n\nnot json at all\n[1, 2]\n" + good[:40]
    path = tmp_path / "history.jsonl"
    path.write_bytes(data)
    return path, data


EXPECTED = """\
The history {f} is damaged (4 lines); nothing was written to it. Fix or delete the lines \
below (each line is one audit's summary, see schema/history-entry.schema.json), or give \
--history a new file.
  - {f}:2: missing pending (at $.agents.kf01)
  - {f}:2: 'many' is not of type 'integer' (at $.violations)
  - {f}:4: not JSON (Expecting value, column 1): a cut or edited line
  - {f}:5: not a JSON object but an array: [1, 2]
  - {f}:6: not JSON (Expecting property name enclosed in double quotes, column 41): a cut \
or edited line"""


def test_a_damaged_history_names_every_line_and_is_never_written(tmp_path: Path) -> None:
    path, data = damaged(tmp_path)
    for attempt in (lambda: checked(path), lambda: append(path, sample())):
        with pytest.raises(HuitouError) as caught:
            attempt()
        assert str(caught.value) == EXPECTED.format(f=path)
        assert path.read_bytes() == data


def test_check_stops_with_exit_2_before_the_audit(tmp_path: Path, cli: Callable) -> None:
    path, data = damaged(tmp_path)
    out = tmp_path / "report.json"
    code, _, err = cli("check", DEMO / "events.csv", "-o", out, "--history", path)
    assert code == 2
    assert EXPECTED.format(f=path).splitlines()[1] in err
    assert "Traceback" not in err
    assert not out.exists()  # stopped before the audit
    assert path.read_bytes() == data


def test_not_utf8_and_not_an_object_are_damage() -> None:
    entries, problems = parsed(b'"text"\n\xff\xfe\n' + line_of(sample()), "h")
    assert len(entries) == 1
    assert [str(p) for p in problems] == [
        'h:1: not a JSON object but a string: "text"',
        "h:2: not UTF-8 text (byte 1)",
    ]


WRITER = """
import sys
from pathlib import Path
from checker.trends.history_file import append
sys.path.insert(0, sys.argv[3])
from test_history import sample
seen = None
for i in range(int(sys.argv[2])):
    item = sample(f"{sys.argv[4]}-{i}")
    item["rules"] = {f"rule.{k}": item["rules"]["respect.no-blame"] for k in range(40)}
    seen = append(Path(sys.argv[1]), item, seen)  # lines of 3.7 kB: more than a pipe's
"""


def test_two_processes_appending_at_once_lose_and_break_nothing(tmp_path: Path) -> None:
    history, n = tmp_path / "history.jsonl", 150
    here = str(Path(__file__).parent)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(history), str(n), here, name], cwd=ROOT)
        for name in ("a", "b")
    ]
    assert [w.wait(timeout=300) for w in writers] == [0, 0]
    entries = checked(history).entries  # every line whole: a broken one would raise
    tags = [e["playbook"] for e in entries]
    assert len(tags) == 2 * n
    for name in ("a", "b"):  # each writer's entries all there, in its own order
        assert [t for t in tags if t.startswith(name + "-")] == [f"{name}-{i}" for i in range(n)]


def test_lines_added_after_the_check_are_checked_when_appending(tmp_path: Path) -> None:
    """The check before the audit saw one good line; another audit then wrote a cut one:
    the append finds it (numbered as in the file) and writes nothing."""
    history = tmp_path / "h.jsonl"
    history.write_bytes(line_of(sample("a")))
    seen = checked(history)
    with history.open("ab") as f:
        f.write(b'{"as_of": \n')
    before = history.read_bytes()
    with pytest.raises(HuitouError) as caught:
        append(history, sample("b"), seen)
    assert [str(p) for p in caught.value.problems] == [
        f"{history}:2: not JSON (Expecting value, column 11): a cut or edited line"
    ]
    assert history.read_bytes() == before
    assert [e["playbook"] for e in append(history.parent / "new.jsonl", sample("c")).entries] == [
        "c"
    ]


def test_huitou_schema_prints_the_entry_schema(cli: Callable) -> None:
    code, out, _ = cli("schema", "history-entry")
    assert code == 0 and json.loads(out) == SCHEMA
