"""``huitou handbook serve``: both languages built and served together (Chinese at ``/``,
English at ``/en/``), rebuilt when the playbook or the handbook sources change. A change
that breaks the build is reported with its file and line while the last good build stays
served: nothing hangs."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from checker.errors import HuitouError
from checker.handbook.build import build_site, config_file
from checker.paths import display_path, seed_playbook_dir
from checker.playbook import load_playbook

# How often the sources are looked at for changes, in seconds.
POLL_SECONDS = 1.0


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _files(folders: list[Path]) -> dict[Path, int]:
    """Every file under ``folders`` with its modification time (small trees: a playbook,
    docs/ and the two configs)."""
    out: dict[Path, int] = {}
    for folder in folders:
        paths = [folder] if folder.is_file() else folder.rglob("*")
        for path in paths:
            if path.is_file():
                out[path] = path.stat().st_mtime_ns
    return out


class HandbookServer:
    """Builds into a fresh folder each time and serves the latest good one."""

    def __init__(self, playbook: Path | None, host: str, port: int) -> None:
        self.playbook = playbook
        self._work = Path(tempfile.mkdtemp(prefix="huitou-handbook-"))
        self._builds = 0
        self.site: Path | None = None
        root = config_file("zh").parent
        self.watched = [
            (playbook or seed_playbook_dir()).resolve(),
            seed_playbook_dir().resolve(),
            root / "docs",
            config_file("zh"),
            config_file("en"),
        ]
        self._seen = _files(self.watched)
        served = self

        class Handler(_Quiet):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, directory=str(served.site or served._work), **kwargs)

        self.httpd = http.server.ThreadingHTTPServer((host, port), Handler)
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def build(self) -> str | None:
        """Build both languages into a new folder; serve it when it built. The error (with
        the playbook file and line) when it did not, the last good build still served."""
        self._builds += 1
        out = self._work / f"build-{self._builds}"
        try:
            load_playbook(self.playbook)  # every problem with its file and line, first
            build_site(out, self.playbook)
        except HuitouError as exc:
            shutil.rmtree(out, ignore_errors=True)
            return str(exc)
        old, self.site = self.site, out
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return None

    def changed(self) -> bool:
        now = _files(self.watched)
        changed, self._seen = now != self._seen, now
        return changed

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():  # shutdown() waits for a loop that must have started
            self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self._work, ignore_errors=True)


def serve(playbook: Path | None, dev_addr: str) -> int:
    """Serve until interrupted; exit 2 when the first build fails."""
    host, _, port = dev_addr.rpartition(":")
    server = HandbookServer(playbook, host or "127.0.0.1", int(port))
    say = functools.partial(print, file=sys.stderr, flush=True)
    error = server.build()
    if error is not None:
        server.stop()
        raise HuitouError(f"The handbook did not build; fix the playbook and try again.\n{error}")
    server.start()
    where = display_path(playbook) if playbook else "the built-in playbook"
    say(f"Serving the handbook of {where}: 中文 {server.url}  English {server.url}en/")
    say("Rebuilt when the playbook or docs/ change; Ctrl+C stops.")
    stop = threading.Event()
    try:
        while not stop.wait(POLL_SECONDS):
            if server.changed():
                say("Change seen: rebuilding...")
                error = server.build()
                say(error if error else "Rebuilt: reload the page.")
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
