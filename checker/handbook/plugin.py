"""The ``huitou`` MkDocs plugin: generates the handbook pages from a playbook at build time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from checker.errors import HuitouError
from checker.handbook.context import Context, GeneratedPage
from checker.handbook.nav import build_nav
from checker.handbook.pages import all_pages
from checker.handbook.unfilled import unfilled
from checker.paths import schema_dir
from checker.playbook import Playbook, load_playbook
from checker.playbook.model import LANGS
from checker.playbook.text import fill, unknown_placeholders

ASSETS = Path(__file__).parent / "assets"


class HuitouConfig(base.Config):
    playbook = c.Optional(c.FilesystemObject(exists=True))  # default: the built-in seed
    lang = c.Choice(LANGS, default="zh")
    nav = c.Type(bool, default=True)  # build the navigation (unless mkdocs.yml has one)
    schema_check = c.Type(bool, default=True)  # validate the playbook against its schema


class HuitouPlugin(BasePlugin[HuitouConfig]):
    """Pages from the playbook; edit links to the YAML; live reload when a playbook changes."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.playbook: Playbook | None = None
        self.root = Path.cwd()

    def load(self) -> Playbook:
        try:
            return load_playbook(self.config.playbook, validate=self.config.schema_check)
        except HuitouError as exc:
            raise PluginError(f"huitou: cannot load the playbook.\n{exc}") from exc

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.playbook = self.load()
        if config.theme["language"] != self.config.lang:
            raise PluginError(
                f"huitou: lang is {self.config.lang!r} but theme.language is "
                f"{config.theme['language']!r}; set both to the same language"
            )
        if self.config.nav and not config.nav:
            config.nav = build_nav(Context(self.playbook, self.config.lang))
        if not config.repo_url:  # no repository known: no edit links rather than broken ones
            config.edit_uri = config.edit_uri_template = None
        return config

    def _repo_path(self, file: str | None) -> str:
        if file is None:
            return ""
        path = Path(file).resolve()
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def _page_file(self, page: GeneratedPage, config: MkDocsConfig) -> File:
        assert self.playbook is not None
        yaml_file, line = self.playbook.source_of(page.source)
        where = self._repo_path(yaml_file)
        footer = Context(self.playbook, self.config.lang).ui(
            "generated_from", file=where, line=line or 1
        )
        file = File.generated(config, page.src_uri, content=f"{page.markdown}\n---\n\n{footer}\n")
        file.edit_uri = f"{where}#L{line or 1}"
        return file

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.playbook is not None
        docs = Path(config.docs_dir).resolve()
        for f in files:
            if f.generated_by is None and f.is_documentation_page():
                f.edit_uri = self._repo_path(str(docs / f.src_uri))
        try:
            pages = all_pages(Context(self.playbook, self.config.lang))
        except (KeyError, TypeError, ValueError) as exc:
            raise PluginError(
                f"huitou: the playbook's handbook content is incomplete: {exc!r}"
            ) from exc
        for page in pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(
                    f"huitou: docs/ has {page.src_uri}, which is generated; remove it"
                )
            files.append(self._page_file(page, config))
        for asset in sorted(ASSETS.iterdir()):
            if asset.is_file():
                files.append(
                    File.generated(config, f"assets/{asset.name}", abs_src_path=str(asset))
                )
        # The JSON Schemas (editors, CI) are published with the handbook under schema/.
        for schema in sorted(schema_dir().glob("*.schema.json")):
            files.append(File.generated(config, f"schema/{schema.name}", abs_src_path=str(schema)))
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Hand-written pages may cite live values with ``{{RULE_ID:PARAM}}`` placeholders.

        Every page, generated or not, must come out with no placeholder left unfilled; a page
        without a quiz switches mkdocs-quiz off (no empty progress box)."""
        assert self.playbook is not None
        if page.file.generated_by is None:
            bad = unknown_placeholders(markdown, self.playbook.data)
            if bad:
                raise PluginError(f"huitou: {page.file.src_uri}: unknown placeholders {bad}")
            markdown = fill(markdown, self.playbook.data, self.config.lang)
        left = unfilled(markdown)
        if left:
            raise PluginError(
                f"huitou: page {page.file.src_uri} ({self.config.lang}) has placeholders left "
                f"unfilled: {', '.join(left)}; fix them in the playbook text the page is made "
                "from (a live value is written {{SECTION:PATH}})"
            )
        if "<quiz>" not in markdown:
            page.meta["quiz"] = {"enabled": False}
        return markdown

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        assert self.playbook is not None
        for folder in sorted({os.path.dirname(os.path.abspath(s)) for s in self.playbook.sources}):
            server.watch(folder)
        server.watch(str(Path(__file__).parent))
        return server
