"""The editor schema of one playbook file: what a shop may write in any file of its
playbook (every key optional, since `extends` fills in the rest), with descriptions,
defaults and examples taken from the kind registry and the built-in playbook.

``huitou lint`` still checks the merged playbook against `checker.engine.playbook_schema`; this
schema is for editors (the ``# yaml-language-server: $schema=...`` line of each file).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from checker.engine.playbook_schema import playbook_schema
from checker.engine.registry import kinds
from checker.playbook.schema_docs import PARAMS, RULE, TOP_LEVEL

FILE_ID = "urn:huitou:schema:playbook-file:v1"
FILE_NAME = "playbook-file.schema.json"


def _partial(node: Any) -> Any:
    """``node`` without ``required`` anywhere, except in the ``if`` of a kind's parameters
    (which must still tell a rule that names its kind from one that does not)."""
    if isinstance(node, list):
        return [_partial(x) for x in node]
    if not isinstance(node, dict):
        return node
    return {
        k: (v if k == "if" else _partial(v))
        for k, v in node.items()
        # the keyword (a list of names), not a parameter called "required" (a schema)
        if k != "required" or not isinstance(v, list) or "if" in node
    }


def _describe_params(schema: dict[str, Any]) -> None:
    for name, prop in schema.get("properties", {}).items():
        if name in PARAMS and isinstance(prop, dict):
            prop.setdefault("description", PARAMS[name])
            _describe_params(prop)


def _seed_rules() -> dict[str, dict[str, Any]]:
    from checker.playbook.load import load_playbook  # the built-in playbook, unvalidated

    return load_playbook(validate=False).data.get("rules", {})


def _kind_clauses(seed: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    clauses = []
    for name, kind in kinds().items():
        params = _partial(copy.deepcopy(kind.params_schema))
        _describe_params(params)
        params["description"] = f"Parameters of a {name} rule ({kind.summary['en']})."
        examples = [r["params"] for r in seed.values() if r.get("kind") == name]
        if examples:
            params["examples"] = examples
        clauses.append(
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"properties": {"params": params}},
            }
        )
    return clauses


def _with_defaults(params_schema: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    out = _partial(copy.deepcopy(params_schema))
    _describe_params(out)
    for name, value in values.items():
        if name in out.get("properties", {}):
            out["properties"][name]["default"] = value
    return out


def playbook_file_schema() -> dict[str, Any]:
    """The schema of any one file of a playbook (see the module's docstring)."""
    schema = _partial(copy.deepcopy(playbook_schema()))
    seed = _seed_rules()
    registry = kinds()
    schema["$id"] = FILE_ID
    schema["title"] = "Huitou playbook file"
    schema["description"] = (
        "One file of a Huitou playbook. A shop's playbook says `extends: seed` and writes only "
        "what differs; every key is optional here, and `huitou lint` checks the merged result."
    )
    for key, text in TOP_LEVEL.items():
        if key in schema["properties"]:
            schema["properties"][key]["description"] = text
    schema["properties"]["extends"]["examples"] = ["seed"]
    rule = schema["properties"]["rules"]["additionalProperties"]
    for key, text in RULE.items():
        rule["properties"][key]["description"] = text
    rule["properties"]["kind"]["description"] = "The rule kind: " + "; ".join(
        f"{name}: {kind.summary['en']}" for name, kind in registry.items()
    )
    rule["allOf"] = _kind_clauses(seed)
    known: dict[str, Any] = {}
    for rule_id, body in seed.items():
        kind = registry.get(str(body.get("kind")))
        if kind is None:
            continue
        entry = copy.deepcopy(rule)
        entry.pop("allOf")
        entry["description"] = f"{body['title']['en']} (built-in rule, kind {kind.name})."
        entry["properties"]["params"] = _with_defaults(kind.params_schema, body["params"])
        for key in ("severity", "principle", "enabled"):
            if key in body:
                entry["properties"][key] = {**entry["properties"][key], "default": body[key]}
        known[rule_id] = entry
    schema["properties"]["rules"]["properties"] = known
    return schema


def file_schema_text() -> str:
    """The schema as committed in ``schema/playbook-file.schema.json``."""
    return json.dumps(playbook_file_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
