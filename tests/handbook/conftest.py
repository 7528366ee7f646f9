"""Shared fixtures: the teaching playbook, one real build per session, a local HTTP server,
and a headless Chromium that blocks and records every request to another host. Under
pytest-xdist every handbook test runs on one worker, so the site is built once per run (see
`tests.worker_groups`)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checker.handbook.build import build_site
from checker.paths import seed_playbook_dir
from checker.playbook import load_playbook

FIXTURE_PLAYBOOK = Path(__file__).parent / "fixtures" / "playbook"
REPO_URL = "https://git.example.com/shop/huitou/"


def teaching_playbook() -> Path:
    """The seed once it carries the teaching content; until then the small fixture playbook."""
    seed = load_playbook(seed_playbook_dir(), validate=False)
    return seed_playbook_dir() if "handbook" in seed.data else FIXTURE_PLAYBOOK


@pytest.fixture(scope="session")
def playbook_dir() -> Path:
    return teaching_playbook()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, playbook_dir: Path) -> Path:
    """The handbook built once (both languages, strict) with the teaching playbook."""
    out = tmp_path_factory.mktemp("handbook") / "site"
    build_site(out, playbook_dir, repo_url=REPO_URL)
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Tab:
    """A browser page that records console errors and blocks requests to any other host."""

    def __init__(self, browser: object, base_url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.base_url = base_url
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: object) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, path: str) -> object:
        self.page.goto(self.base_url + path.lstrip("/"), wait_until="load")
        return self.page


@pytest.fixture
def tab(browser: object, base_url: str) -> Iterator[Tab]:
    t = Tab(browser, base_url)
    yield t
    t.context.close()
    assert t.foreign == [], f"requests to other hosts: {t.foreign}"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a headless Chromium over the built site")
