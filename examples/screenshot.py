"""Screenshot of the HTML report of the bundled demo, for the README:
``python examples/screenshot.py`` writes docs/assets/html-report.png (the top of the page)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
OUT = ROOT / "docs" / "assets" / "html-report.png"
CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "audit.html"
        audit = [sys.executable, "-m", "checker", "check", str(DEMO / "events.csv")]
        audit += ["--customers", str(DEMO / "customers.csv"), "--format", "html"]
        subprocess.run([*audit, "-o", str(page_file), "--fail-on", "never"], check=True, cwd=ROOT)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
            )
            page.goto(page_file.as_uri())
            OUT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(OUT), type="png")
            browser.close()
    print(OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
