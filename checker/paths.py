"""Where the bundled playbooks and schemas live (a source checkout or an installed wheel)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _CHECKOUT / name


def playbooks_dir() -> Path:
    """The folder holding the built-in playbooks (``seed`` among them)."""
    return _data_dir("playbooks")


def seed_playbook_dir() -> Path:
    return playbooks_dir() / "seed"


def schema_dir() -> Path:
    return _data_dir("schema")


def checkout_dir() -> Path | None:
    """The source checkout, when running from one (used by the handbook commands)."""
    return _CHECKOUT if (_CHECKOUT / "mkdocs.yml").is_file() else None
