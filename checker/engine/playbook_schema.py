"""The playbook JSON Schema, built from the rule-kind registry.

``schema/playbook.schema.json`` is its committed copy (a test keeps the two equal), which is
what `checker.playbook.validate` checks a playbook against: the playbook package never
imports the engine."""

from __future__ import annotations

import json
from typing import Any

from checker.durations import DURATION_PATTERN
from checker.engine.registry import kinds

L10N = {
    "type": "object",
    "required": ["zh", "en"],
    "additionalProperties": False,
    "properties": {
        "zh": {"type": "string", "minLength": 1},
        "en": {"type": "string", "minLength": 1},
    },
}
DURATION = {"type": "string", "pattern": DURATION_PATTERN}
LABELLED = {"zh": {"type": "string"}, "en": {"type": "string"}}
ID = "^[a-z][a-z0-9_-]*$"


def _rule_schema() -> dict[str, Any]:
    registry = kinds()
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["principle", "severity", "kind", "params", "title", "message"],
        "properties": {
            "principle": {"type": "string"},
            "severity": {"enum": ["error", "warning", "info"]},
            "kind": {"enum": list(registry)},
            "params": {"type": "object"},
            "title": L10N,
            "message": L10N,
            "fix": L10N,
            "why": L10N,
            "enabled": {"type": "boolean"},
        },
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"properties": {"params": kind.params_schema}},
            }
            for name, kind in registry.items()
        ],
    }


def playbook_schema() -> dict[str, Any]:
    """The whole schema. Teaching content (principles' lessons, ``handbook``) is typed loosely
    here and checked in depth by the handbook's own tests."""
    event = {
        "type": "object",
        "required": ["actor", "group", "zh", "en"],
        "properties": {
            "actor": {"enum": ["customer", "shop"]},
            "group": {"type": "string"},
            **LABELLED,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:huitou:schema:playbook:v1",
        "title": "Huitou playbook (merged document)",
        "type": "object",
        "required": ["name", "timezone", "events", "principles", "segments", "rules"],
        "additionalProperties": False,
        "properties": {
            "extends": {"type": "string"},
            "name": L10N,
            "version": {"type": "integer"},
            "language": {"enum": ["zh", "en"]},
            "timezone": {"type": "string", "minLength": 3},
            "events": {
                "type": "object",
                "propertyNames": {"pattern": "^[a-z_]+$"},
                "additionalProperties": event,
            },
            "event_aliases": {"type": "object", "additionalProperties": {"type": "string"}},
            "column_aliases": {"type": "object", "additionalProperties": {"type": "string"}},
            "channels": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "required": ["remote"],
                    "properties": {"remote": {"type": "boolean"}, **LABELLED},
                },
            },
            "missing_channel_is_remote": {"type": "boolean"},
            "segments": _segments_schema(),
            "calendar": {
                "type": "object",
                "properties": {
                    "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                    "holidays": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "required": ["match", "zh", "en"],
                            "properties": {"match": {"type": "string"}, **LABELLED},
                        },
                    },
                },
            },
            "roster": {"type": "array", "items": {"type": "string"}},
            "kpi": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "conversion_within": DURATION,
                    "complaint_rule": {"type": "string"},
                },
            },
            "churn": _churn_schema(),
            "principles": {
                "type": "object",
                "propertyNames": {"pattern": ID},
                "additionalProperties": {
                    "type": "object",
                    "required": ["order", "title", "summary"],
                    "properties": {"order": {"type": "integer"}, "title": L10N, "summary": L10N},
                },
            },
            "rules": {
                "type": "object",
                "propertyNames": {"pattern": r"^[a-z][a-z0-9-]*\.[a-z0-9-]+$"},
                "additionalProperties": _rule_schema(),
            },
            "handbook": {"type": "object"},
        },
    }


def _churn_schema() -> dict[str, Any]:
    names = {"type": "array", "items": {"type": "string"}, "uniqueItems": True}
    reason = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "title"],
        "properties": {
            "id": {"type": "string", "pattern": ID, "not": {"const": "none"}},
            "title": L10N,
            "rules": names,
            "kinds": {**names, "items": {"enum": list(kinds())}},
            "events": names,
        },
        "anyOf": [{"required": [k]} for k in ("rules", "kinds", "events")],
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "after": DURATION,
            "reasons": {"type": "array", "items": reason},
            "none": L10N,
        },
    }


def _segments_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["lookback", "precedence"],
        "properties": {
            "lookback": DURATION,
            "precedence": {
                "type": "array",
                "items": {"enum": ["vip", "dormant", "regular", "new"]},
                "uniqueItems": True,
            },
            "vip": {
                "type": "object",
                "properties": {
                    "top_share": {"type": "number", "minimum": 0, "maximum": 1},
                    "min_orders": {"type": "integer", "minimum": 1},
                    "min_order_value": {"type": "number", "minimum": 0},
                    **LABELLED,
                },
            },
            "dormant": {"type": "object", "properties": {"no_purchase_for": DURATION, **LABELLED}},
            "regular": {
                "type": "object",
                "properties": {"min_purchases": {"type": "integer", "minimum": 1}, **LABELLED},
            },
            "new": {
                "type": "object",
                "properties": {"min_purchases": {"type": "integer", "minimum": 1}, **LABELLED},
            },
        },
    }


def schema_text() -> str:
    """The schema as committed in ``schema/playbook.schema.json``."""
    return json.dumps(playbook_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
