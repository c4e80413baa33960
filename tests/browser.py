"""Headless Chromium for the report's browser test and its screenshot in docs/.

The browser is the system's (Debian's ``chromium`` package, ``/usr/bin/chromium``), driven by Playwright
without any browser download, started with an empty profile and with every background service off, so a
run touches no network. Make the screenshot with::

    .venv/bin/python tests/browser.py docs/report-example.png
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """The system Chromium, or None when it is not installed."""
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextlib.contextmanager
def chromium_page(width: int = 1000, height: int = 800, javascript: bool = True) -> Iterator[Any]:
    """A Playwright page in the system Chromium, with a fresh empty user-data-dir."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
        )
        try:
            yield context.new_page()
        finally:
            context.close()


def write_example_report(html_path: Path) -> None:
    """``rhetlint report examples/draft.md -o HTML_PATH``, run from the repository root."""
    subprocess.run(
        [sys.executable, "-m", "rhetlint", "report", "examples/draft.md", "-o", str(html_path)],
        cwd=REPO_ROOT,
        check=True,
    )


def screenshot(target: Path) -> None:
    """The example draft's report, the top of the page (legend, draft and the first cards), as a PNG."""
    with tempfile.TemporaryDirectory() as folder:
        html_path = Path(folder) / "report.html"
        write_example_report(html_path)
        with chromium_page(width=1000, height=1900) as page:
            page.goto(html_path.as_uri())
            page.screenshot(path=str(target), full_page=False)


if __name__ == "__main__":
    screenshot(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO_ROOT / "docs" / "report-example.png")
