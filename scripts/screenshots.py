"""Screenshots of the seeds' briefing page for docs/html.md, at phone and desktop width.

``python scripts/screenshots.py [SEEDS]`` briefs ``../shared/seeds`` (or SEEDS), renders the
HTML page and saves ``docs/images/briefing-390.png`` and ``briefing-1280.png`` through
Debian's Chromium (``NEWSWEAVE_TEST_CHROMIUM`` or ``/usr/bin/chromium``) driven by
Playwright, as the browser tests do. A maintainer runs it when the page changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
WIDTHS = {390: 844, 1280: 900}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    from newsweave.pipeline import brief
    from newsweave.renderers import render

    seeds = Path(argv[0]) if argv else ROOT.parent / "shared" / "seeds"
    page = render(brief([str(seeds)]), "html")
    chromium = os.environ.get("NEWSWEAVE_TEST_CHROMIUM") or "/usr/bin/chromium"
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        html = Path(folder) / "briefing.html"
        html.write_text(page, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        for width, height in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            tab = context.new_page()
            tab.goto(html.as_uri())
            tab.screenshot(path=str(IMAGES / f"briefing-{width}.png"))
            context.close()
        browser.close()
    print(f"wrote {', '.join(f'briefing-{w}.png' for w in WIDTHS)} in {IMAGES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
