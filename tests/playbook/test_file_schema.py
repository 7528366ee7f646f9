"""The editor schema of a playbook file: committed as generated, accepts every real file
(the seed's, the README's shop example) on its own, refuses typos, documents itself from
the kind registry, and every playbook file names it on its first line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from checker.engine.playbook_file_schema import FILE_NAME, file_schema_text, playbook_file_schema
from checker.engine.registry import kinds
from checker.paths import schema_dir
from checker.playbook.schema_docs import PARAMS

ROOT = Path(__file__).resolve().parents[2]
PLAYBOOK_FILES = sorted(
    [*(ROOT / "playbooks").rglob("*.yaml"), *(ROOT / "tests/handbook/fixtures").rglob("*.yaml")]
)
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = playbook_file_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _errors(validator: Draft202012Validator, doc: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def test_the_committed_file_schema_is_the_generated_one() -> None:
    assert (schema_dir() / FILE_NAME).read_text(encoding="utf-8") == file_schema_text()


def test_every_schema_has_a_real_id() -> None:
    ids = []
    for path in schema_dir().glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"].startswith("urn:huitou:schema:"), path
        assert "example" not in schema["$id"]
        ids.append(schema["$id"])
    assert len(ids) == len(set(ids)) >= 5


@pytest.mark.parametrize("path", PLAYBOOK_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_playbook_file_names_the_schema_and_passes_it_alone(
    path: Path, validator: Draft202012Validator
) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = MODELINE.match(first)
    assert m, f"{path}: first line is not a yaml-language-server modeline"
    assert (path.parent / m.group(1)).resolve() == (schema_dir() / FILE_NAME).resolve()
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _errors(validator, doc) == []


def _readme_examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL)
    return [b for b in blocks if "extends:" in b]


def test_the_readmes_shop_examples_pass(validator: Draft202012Validator) -> None:
    examples = _readme_examples()
    assert examples
    for text in examples:
        assert MODELINE.match(text.splitlines()[0]), text
        assert _errors(validator, yaml.safe_load(text)) == [], text


@pytest.mark.parametrize(
    ("doc", "where"),
    [
        ({"extends": "seed", "rulez": {}}, "rulez"),
        ({"rules": {"cadence.greeting": {"params": {"withn": "3d"}}}}, "withn"),
        ({"rules": {"cadence.greeting": {"params": {"within": "3 days"}}}}, "3 days"),
        ({"rules": {"cadence.greeting": {"severity": "fatal"}}}, "fatal"),
        ({"rules": {"cadence.farewell": {"enabled": "no"}}}, "no"),
        ({"rules": {"shop.x": {"kind": "follow_up", "params": {"max": 3}}}}, "max"),
        ({"timezone": 8}, "8"),
        ({"segments": {"vip": {"top_share": 2}}}, "2"),
    ],
)
def test_typos_and_wrong_values_are_refused(
    validator: Draft202012Validator, doc: dict, where: str
) -> None:
    errors = _errors(validator, doc)
    assert errors and any(where in e for e in errors), errors


def test_partial_overrides_pass(validator: Draft202012Validator) -> None:
    for doc in [
        {},
        {"extends": "seed"},
        {"rules": {"cadence.greeting": {"params": {"within": "3d"}}}},
        {"rules": {"cadence.greeting": {"title": {"en": "Greet soon"}}}},
        {"column_aliases": {"买家昵称": "customer_id"}},
        {"rules": {"shop.own": {"kind": "rolling_cap", "params": {"max": 2, "per": "7d"}}}},
    ]:
        assert _errors(validator, doc) == [], doc


def test_descriptions_defaults_and_examples_come_from_the_registry() -> None:
    schema = playbook_file_schema()
    rules = schema["properties"]["rules"]
    assert all(p.get("description") for p in schema["properties"].values())
    kind_text = rules["additionalProperties"]["properties"]["kind"]["description"]
    for name, kind in kinds().items():
        assert f"{name}: {kind.summary['en']}" in kind_text
    clauses = {
        c["if"]["properties"]["kind"]["const"]: c["then"]["properties"]["params"]
        for c in rules["additionalProperties"]["allOf"]
    }
    assert set(clauses) == set(kinds())
    for name, params in clauses.items():
        assert kinds()[name].summary["en"] in params["description"]
        for prop, body in params["properties"].items():
            assert body["description"] == PARAMS[prop], (name, prop)
    greeting = rules["properties"]["cadence.greeting"]["properties"]["params"]
    from checker.playbook import load_playbook

    seed_within = load_playbook().rule("cadence.greeting").params["within"]
    assert greeting["properties"]["within"]["default"] == seed_within
    assert clauses["follow_up"]["examples"]


def test_every_parameter_of_every_kind_is_described() -> None:
    def names(node: object) -> set[str]:
        found: set[str] = set()
        if isinstance(node, dict):
            found |= set(node.get("properties", {}))
            for value in node.values():
                found |= names(value)
        elif isinstance(node, list):
            for value in node:
                found |= names(value)
        return found

    for kind in kinds().values():
        assert names(kind.params_schema) <= set(PARAMS), kind.name
