"""``huitou handbook serve``: both languages served, a broken playbook edit reported with its
file and line while the last good build stays served, a fixed edit rebuilt."""

from __future__ import annotations

import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.handbook.serve import HandbookServer


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "playbook.yaml").write_text(
        "extends: seed\nrules:\n  cadence.greeting:\n    params: {within: 3d}\n", encoding="utf-8"
    )
    return folder


def test_serve_serves_both_languages_and_survives_a_bad_edit(shop: Path) -> None:
    server = HandbookServer(shop, "127.0.0.1", 0)
    try:
        assert server.build() is None
        server.start()
        assert not server.changed()
        status, zh = _get(server.url)
        assert status == 200 and 'lang="zh' in zh
        status, en = _get(server.url + "en/")
        assert status == 200 and 'lang="en' in en
        assert _get(server.url + "schema/playbook-file.schema.json")[0] == 200

        # A broken edit: reported with the file and line, the last build still served.
        playbook = shop / "playbook.yaml"
        playbook.write_text(
            "extends: seed\nrules:\n  cadence.greeting:\n    params: {within: 3 days}\n",
            encoding="utf-8",
        )
        assert server.changed()
        error = server.build()
        assert error is not None
        assert f"{playbook}:4" in error and "within" in error
        assert _get(server.url + "en/")[0] == 200

        # Fixed again: rebuilt with the new value.
        playbook.write_text(
            "extends: seed\nrules:\n  cadence.greeting:\n    params: {within: 5d}\n",
            encoding="utf-8",
        )
        assert server.changed()
        assert server.build() is None
        _, page = _get(server.url + "en/auditing/")
        assert page
    finally:
        server.stop()


def test_a_bad_playbook_at_start_is_exit_2_with_file_and_line(shop: Path, cli: Callable) -> None:
    (shop / "playbook.yaml").write_text("extends: seed\nversion: [\n", encoding="utf-8")
    code, out, err = cli("handbook", "serve", "--playbook", shop, "--dev-addr", "127.0.0.1:0")
    assert code == 2 and out == ""
    assert f"{shop / 'playbook.yaml'}:" in err
    assert "Traceback" not in err
