"""Build the handbook in both languages (Chinese at the root, English under ``en/``)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import HuitouError, Problem
from checker.paths import checkout_dir

CONFIGS = {"zh": "mkdocs.yml", "en": "mkdocs.en.yml"}
ENTRY_POINT = "checker.handbook.plugin:HuitouPlugin"


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    seconds: float


def ensure_plugin_registered() -> None:
    """Make ``plugins: huitou`` resolvable when running from a checkout that is not installed.

    An installed ``huitou`` declares the entry point in pyproject.toml; a plain checkout on
    ``PYTHONPATH`` does not, so the same entry point is added to MkDocs' table of plugins.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "true")
    from importlib.metadata import EntryPoint

    from mkdocs.config.defaults import MkDocsConfig

    installed = MkDocsConfig.plugins.installed_plugins  # type: ignore[attr-defined]
    if "huitou" not in installed:
        installed["huitou"] = EntryPoint("huitou", ENTRY_POINT, "mkdocs.plugins")


def config_file(lang: str, root: Path | None = None) -> Path:
    root = root or checkout_dir()
    if root is None or not (root / CONFIGS[lang]).is_file():
        raise HuitouError(
            "The handbook sources were not found.",
            [Problem("run `huitou handbook` from the project checkout (it needs mkdocs.yml)")],
        )
    return root / CONFIGS[lang]


def load_config(lang: str, site_dir: Path, playbook: Path | None = None, **overrides: Any) -> Any:
    """The MkDocs config of one language, with the output folder and playbook chosen."""
    ensure_plugin_registered()
    from mkdocs.config import load_config as mkdocs_load_config

    out = site_dir if lang == "zh" else site_dir / "en"
    config = mkdocs_load_config(str(config_file(lang)), site_dir=str(out), **overrides)
    if playbook is not None:
        plugin = config.plugins["huitou"]
        plugin.config.playbook = str(Path(playbook).resolve())
    return config


def _reason(exc: BaseException) -> str:
    """The plugin's own message when MkDocs wrapped it in a bare "Aborted with a BuildError!"."""
    from mkdocs.exceptions import PluginError

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, PluginError):
            return str(cause)
        cause = cause.__cause__ or cause.__context__
    return str(exc)


def build_site(site_dir: Path, playbook: Path | None = None, **overrides: Any) -> BuildResult:
    """Build zh then en (strict: any warning fails); raise HuitouError on failure."""
    ensure_plugin_registered()
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    start = time.perf_counter()
    site_dir = Path(site_dir).resolve()
    for lang in ("zh", "en"):
        try:
            config = load_config(lang, site_dir, playbook, **overrides)
            build(config)
        except MkDocsException as exc:
            raise HuitouError(
                f"The {lang} handbook did not build.",
                [Problem(_reason(exc) or "see the warnings above (strict mode)")],
            ) from exc
    return BuildResult(site_dir, time.perf_counter() - start)
