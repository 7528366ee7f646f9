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


def display_path(path: str | Path) -> str:
    """A path as messages and reports print it: a built-in playbook's file as
    ``playbooks/...`` (not where the program is installed), a path inside the working folder
    relative to it, any other as given."""
    p = Path(path)
    if not p.is_absolute():
        return str(path)
    builtin = playbooks_dir().resolve()
    resolved = p.resolve()
    if resolved.is_relative_to(builtin):
        return str(Path("playbooks") / resolved.relative_to(builtin))
    cwd = Path.cwd().resolve()
    return str(resolved.relative_to(cwd)) if resolved.is_relative_to(cwd) else str(path)
