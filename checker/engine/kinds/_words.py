"""A kind's words: its sentences and small word tables, read from ``words.yaml`` beside its
``kind.py`` (Python keeps the logic: which sentence, which values; the file keeps the words).

The file maps keys to ``{zh: ..., en: ...}``; keys nest (``period: {day: {zh, en}}`` is the
key ``period.day``). A template names its values ``{like_this}``: str.format's field syntax
with plain names only (no attribute, index, conversion or format spec), filled by plain
substitution, so nothing in the file is executed; ``{{`` and ``}}`` are literal braces. The
file is read (``yaml.safe_load``) and checked once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from string import Formatter
from typing import TYPE_CHECKING, Any

import yaml

from checker.engine.kinds._evidence import fill

if TYPE_CHECKING:
    import pyarrow as pa

    from checker.engine.kinds._evidence import Column

LANGS = ("zh", "en")
FILE = "words.yaml"


class WordsError(LookupError):
    """A kind's words file is wrong, or lacks a key or a value a template names (a bug of the
    kind, found by its tests: not a user's error)."""


def kind_words(module_file: str | Path) -> Words:
    """The words of the kind whose ``kind.py`` is ``module_file`` (pass ``__file__``)."""
    return Words(Path(module_file).resolve().parent / FILE)


class Words:
    """One kind's ``words.yaml``: ``pair`` and ``template`` give a key's raw templates,
    ``text`` a filled sentence, ``say_in`` a filler of evidence columns (see ``fill``)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def keys(self) -> list[str]:
        return list(_load(self.path))

    def pair(self, key: str) -> tuple[str, str]:
        """The key's (zh, en) templates."""
        table = _load(self.path)
        if key not in table:
            raise WordsError(f"{self.path}: no key {key!r} (it has {', '.join(table)})")
        return table[key]

    def template(self, key: str, lang: str) -> str:
        """The key's template in ``lang`` (Chinese for ``zh``, English otherwise)."""
        zh, en = self.pair(key)
        return zh if lang == "zh" else en

    def text(self, key: str, lang: str, **values: object) -> str:
        """The key's sentence in ``lang`` with each ``{name}`` replaced by ``str(values[name])``;
        values it does not name are ignored (one mapping serves every key)."""
        template = self.template(key, lang)
        self._check(key, lang, template, values)
        return "".join(
            literal + ("" if name is None else str(values[name]))
            for literal, name in _fields(template)
        )

    def say_in(self, lang: str, **values: str | Column) -> Callable[[str], pa.Array]:
        """``say(key)``: the key's template in ``lang`` filled, row by row, with ``values``
        (strings, or Arrow columns: see ``checker.engine.kinds._evidence.fill``)."""

        def say(key: str) -> pa.Array:
            template = self.template(key, lang)
            self._check(key, lang, template, values)
            return fill(template, **values)

        return say

    def _check(self, key: str, lang: str, template: str, values: Mapping[str, object]) -> None:
        missing = [name for _, name in _fields(template) if name is not None and name not in values]
        if missing:
            raise WordsError(
                f"{self.path}: key {key!r} ({lang}) names {{{missing[0]}}}, which is not given "
                f"(given: {', '.join(sorted(values)) or 'nothing'})"
            )


def _fields(template: str) -> Iterator[tuple[str, str | None]]:
    """(literal text, placeholder name or None) pieces of a template checked at load."""
    for literal, name, _, _ in Formatter().parse(template):
        yield literal, name


@cache
def _load(path: Path) -> dict[str, tuple[str, str]]:
    """Every key of the file (dotted) with its (zh, en) templates, each template checked."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WordsError(f"{path}: missing (a kind's words live beside its kind.py)") from None
    except yaml.YAMLError as exc:
        raise WordsError(f"{path}: not plain YAML: {exc}") from None
    if not isinstance(doc, dict) or not doc:
        raise WordsError(f"{path}: expected a mapping of keys to {{zh, en}} texts")
    table: dict[str, tuple[str, str]] = {}
    _walk(path, doc, "", table)
    return table


def _walk(
    path: Path, node: Mapping[Any, Any], prefix: str, table: dict[str, tuple[str, str]]
) -> None:
    for name, value in node.items():
        key = f"{prefix}{name}"
        if not isinstance(value, dict):
            raise WordsError(f"{path}: key {key!r} is not a mapping (of zh and en, or of keys)")
        if set(value) & set(LANGS):
            if set(value) != set(LANGS):
                raise WordsError(f"{path}: key {key!r} must have exactly zh and en")
            for lang in LANGS:
                _check_template(path, key, lang, value[lang])
            table[key] = (value["zh"], value["en"])
        else:
            _walk(path, value, f"{key}.", table)


def _check_template(path: Path, key: str, lang: str, template: object) -> None:
    where = f"{path}: key {key!r} ({lang})"
    if not isinstance(template, str):
        raise WordsError(f"{where} is not a text")
    try:
        parsed = list(Formatter().parse(template))
    except ValueError as exc:
        raise WordsError(f"{where}: {exc} (write {{{{ and }}}} for literal braces)") from None
    for _, name, spec, conversion in parsed:
        if name is not None and (not name.isidentifier() or spec or conversion):
            raise WordsError(f"{where}: {{{name}}} is not a plain {{name}} placeholder")
