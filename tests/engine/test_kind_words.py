"""A kind's words are data beside it: every kind folder's ``words.yaml`` has Chinese and
English for each key, names its values as plain ``{placeholders}``, holds every key its
``kind.py`` says and no key it never says; and the helper that reads them fails clearly, naming
the file and the key, on a missing key or value."""

from __future__ import annotations

import ast
from pathlib import Path

import pyarrow as pa
import pytest
import yaml

from checker.engine.kinds import FOLDER, kind_names
from checker.engine.kinds._words import WordsError, kind_words

SAYING = {"text", "pair", "template"}  # WORDS.<these>(key, ...); and say(key) from say_in


def _leaves(node: dict, prefix: str = "") -> dict[str, dict]:
    out = {}
    for name, value in node.items():
        if isinstance(value, dict) and {"zh", "en"} & set(value):
            out[f"{prefix}{name}"] = value
        else:
            out.update(_leaves(value, f"{prefix}{name}."))
    return out


def _keys_said(kind_py: Path) -> tuple[set[str], set[str]]:
    """The keys a kind's module says: literal ones, and the prefixes of those it builds
    (``f"period.{p['per']}"`` says some ``period.`` key)."""
    literal, prefixes = set(), set()
    for node in ast.walk(ast.parse(kind_py.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        said = isinstance(f, ast.Name) and f.id == "say"
        said |= (
            isinstance(f, ast.Attribute)
            and f.attr in SAYING
            and isinstance(f.value, ast.Name)
            and f.value.id == "WORDS"
        )
        if not said:
            continue
        arg = node.args[0]
        options = (arg.body, arg.orelse) if isinstance(arg, ast.IfExp) else (arg,)
        for option in options:
            if isinstance(option, ast.Constant):
                literal.add(option.value)
            elif isinstance(option, ast.JoinedStr) and isinstance(option.values[0], ast.Constant):
                prefixes.add(option.values[0].value)
            else:
                raise AssertionError(f"{kind_py}:{node.lineno}: a key the test cannot read")
    return literal, prefixes


def test_every_kind_has_its_words() -> None:
    names = kind_names()
    assert len(names) >= 13
    for name in names:
        path = FOLDER / name / "words.yaml"
        assert path.is_file(), f"{name}: no words.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#") and "Placeholders" in text.split("\n\n")[0], (
            f"{path}: a comment at the top says what the placeholders are"
        )
        leaves = _leaves(yaml.safe_load(text))
        assert leaves, path
        for key, value in leaves.items():
            assert set(value) == {"zh", "en"}, f"{path}: {key}"
            assert all(isinstance(v, str) for v in value.values()), f"{path}: {key}"
            assert any(value.values()), f"{path}: {key} is empty"  # (a joiner may be "" in zh)
        assert kind_words(FOLDER / name / "kind.py").keys() == list(leaves)  # checked on load


@pytest.mark.parametrize("name", kind_names())
def test_a_kind_says_exactly_the_keys_of_its_words(name: str) -> None:
    literal, prefixes = _keys_said(FOLDER / name / "kind.py")
    keys = kind_words(FOLDER / name / "kind.py").keys()
    assert literal, f"{name}: kind.py says no words"
    assert sorted(literal - set(keys)) == [], f"{name}: keys said but not in words.yaml"
    for prefix in prefixes:
        assert any(k.startswith(prefix) for k in keys), f"{name}: no key starts {prefix!r}"
    unsaid = [k for k in keys if k not in literal and not k.startswith(tuple(prefixes))]
    assert unsaid == [], f"{name}: words.yaml keys kind.py never says"


def _words(tmp_path: Path, text: str):
    (tmp_path / "words.yaml").write_text(text, encoding="utf-8")
    return kind_words(tmp_path / "kind.py")


GOOD = """\
# placeholders: {who}, {n}
greeting:
  hello: {zh: "你好，{who}", en: "Hello, {who} ({n}) {{literal}}"}
"""


def test_words_fill_named_placeholders(tmp_path: Path) -> None:
    words = _words(tmp_path, GOOD)
    assert words.keys() == ["greeting.hello"]
    assert words.pair("greeting.hello") == ("你好，{who}", "Hello, {who} ({n}) {{literal}}")
    assert words.text("greeting.hello", "zh", who="王", n=3, unused="x") == "你好，王"
    assert words.text("greeting.hello", "en", who="Wang", n=3) == "Hello, Wang (3) {literal}"
    say = words.say_in("en", who=pa.array(["A", None]), n="2")
    assert say("greeting.hello").to_pylist() == ["Hello, A (2) {literal}", None]


def test_a_missing_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    words = _words(tmp_path, GOOD)
    for use in (
        lambda: words.pair("greeting.bye"),
        lambda: words.text("greeting.bye", "zh", who="x", n=1),
        lambda: words.say_in("zh", who=pa.array(["x"]))("greeting.bye"),
    ):
        with pytest.raises(WordsError) as caught:
            use()
        assert str(tmp_path / "words.yaml") in str(caught.value)
        assert "'greeting.bye'" in str(caught.value)


def test_a_placeholder_not_given_fails_clearly(tmp_path: Path) -> None:
    words = _words(tmp_path, GOOD)
    with pytest.raises(WordsError, match=r"words\.yaml: key 'greeting\.hello' \(en\) names \{n\}"):
        words.text("greeting.hello", "en", who="Wang")
    with pytest.raises(WordsError, match=r"key 'greeting\.hello' \(zh\) names \{who\}"):
        words.say_in("zh", n=pa.array([1]))("greeting.hello")


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("a: {zh: 你好}\n", "must have exactly zh and en"),
        ("a: {zh: x, en: y, fr: z}\n", "must have exactly zh and en"),
        ("a: {zh: 1, en: y}\n", "is not a text"),
        ("a: just text\n", "is not a mapping"),
        ("a: {zh: '{x.y}', en: y}\n", "not a plain {name} placeholder"),
        ("a: {zh: '{x[0]}', en: y}\n", "not a plain {name} placeholder"),
        ("a: {zh: '{x!r}', en: y}\n", "not a plain {name} placeholder"),
        ("a: {zh: '{x:>9}', en: y}\n", "not a plain {name} placeholder"),
        ("a: {zh: '{0}', en: y}\n", "not a plain {name} placeholder"),
        ("a: {zh: 'open {x', en: y}\n", "literal braces"),
        ("a: !!python/object/apply:os.system [echo]\n", "not plain YAML"),
        ("", "expected a mapping"),
    ],
)
def test_a_wrong_words_file_fails_on_first_use(tmp_path: Path, text: str, wrong: str) -> None:
    words = _words(tmp_path, text)
    with pytest.raises(WordsError) as caught:
        words.keys()
    assert str(tmp_path / "words.yaml") in str(caught.value)
    assert wrong in str(caught.value)


def test_a_missing_words_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(WordsError, match=r"words\.yaml: missing"):
        kind_words(tmp_path / "kind.py").keys()


def test_the_words_are_read_once(tmp_path: Path) -> None:
    words = _words(tmp_path, GOOD)
    assert words.keys() == ["greeting.hello"]
    (tmp_path / "words.yaml").write_text("other: {zh: a, en: b}\n", encoding="utf-8")
    assert kind_words(tmp_path / "kind.py").keys() == ["greeting.hello"]
