"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

The page is opened from a file, as an editor opens it; the test checks the DOM the browser built (not the
HTML text), that each marker takes the keyboard to its card and back, that nothing is logged to the
console (a Content-Security-Policy violation or a script would be), and that rule pages are printed
open. It skips only when Chromium is not installed; .ci/run installs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from browser import chromium_page, chromium_path

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    chromium_path() is None, reason="chromium is not installed (apt-get install chromium)"
)

HOSTILE = (
    "# The council\u2019s <b>plan</b>\r\n\r\n"
    'The mayor slammed the caf\u00e9 \U0001f680 owners, calling it a "<img src=x onerror=alert(2)>".\r\n'
    "<script>console.error('draft script ran')</script>\r\n"
    "Clearly, the regime \u201cwon\u201d. Critics say it is a blatant grab.\r\n"
)


def rhetlint(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RHETLINT_LOAD_PLUGINS"}
    return subprocess.run(
        [sys.executable, "-m", "rhetlint", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, int]:
    """The report of the example draft and a hostile one, and how many findings ``check`` gives them."""
    folder = tmp_path_factory.mktemp("report")
    hostile = folder / "hostile.md"
    hostile.write_bytes(HOSTILE.encode("utf-8"))
    drafts = [ROOT / "examples" / "draft.md", hostile]
    made = rhetlint("report", *drafts, "-o", folder / "report.html")
    assert made.returncode == 0, made.stderr
    import json

    checked = json.loads(rhetlint("check", "--format", "json", *drafts).stdout)
    return folder / "report.html", len(checked["diagnostics"])


def test_highlights_and_cards_are_in_the_dom_and_linked_both_ways(report):
    path, findings = report
    with chromium_page() as page:
        messages: list[str] = []
        page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
        page.goto(path.as_uri())
        markers = page.locator("pre.draft a.marker")
        cards = page.locator("article.card")
        assert markers.count() == cards.count() == findings > 10
        assert page.locator("pre.draft a.hl").count() >= findings
        links = page.eval_on_selector_all(
            "pre.draft a.marker",
            """markers => markers.map(m => {
                const card = document.querySelector(m.getAttribute('href'));
                return {id: m.id, card: card && card.tagName,
                        back: card && card.querySelector('p.back a').getAttribute('href')};
            })""",
        )
        assert all(link["card"] == "ARTICLE" and link["back"] == f"#{link['id']}" for link in links)
        # each highlight piece links to the card of its finding
        assert page.eval_on_selector_all(
            "pre.draft a.hl",
            "hs => hs.every(h => document.querySelector(h.getAttribute('href')).tagName === 'ARTICLE')",
        )
        # the draft's markup is text, and the page runs no script at all
        assert page.locator("script").count() == 0 and page.locator("pre.draft img, pre.draft b").count() == 0
        assert "<script>console.error('draft script ran')</script>" in page.inner_text("#s2 pre.draft")
        assert "caf\u00e9 \U0001f680 owners" in page.inner_text("#s2 pre.draft")
        assert messages == []


def test_the_keyboard_reaches_each_card_and_comes_back(report):
    path, _ = report
    with chromium_page() as page:
        page.goto(path.as_uri())
        page.keyboard.press("Tab")  # the skip link comes first
        assert page.evaluate("document.activeElement.className") == "skip"
        passed = []  # then the index's links to the stories, then the first finding's marker
        while page.evaluate("document.activeElement.id") != "s1-m1" and len(passed) < 10:
            page.keyboard.press("Tab")
            passed.append(page.evaluate("document.activeElement.getAttribute('href')"))
        assert passed == ["#s1", "#s2", "#s1-f1"]
        page.keyboard.press("Tab")  # highlight pieces are not tab stops: the next marker is
        assert page.evaluate("document.activeElement.id") == "s1-m2"
        page.keyboard.press("Shift+Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid"  # the focus style
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#s1-f1"
        page.click("#s1-f1 p.back a")
        assert page.evaluate("location.hash") == "#s1-m1"


def test_rule_pages_are_shut_on_screen_and_printed_open(report):
    path, _ = report
    with chromium_page() as page:
        page.goto(path.as_uri())
        doc_paragraph = page.locator("#s1-f1 details.rule-doc > div p").first
        assert not doc_paragraph.is_visible()
        page.emulate_media(media="print")
        assert doc_paragraph.is_visible()
        assert not page.locator("#s1-f1 p.back").is_visible()  # links back make no sense on paper
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF")


def test_the_page_reads_the_same_with_javascript_off(report):
    path, findings = report
    with chromium_page(javascript=False) as page:
        page.goto(path.as_uri())
        assert page.locator("article.card").count() == findings
        assert page.locator("svg.chart").count() == 2


def test_on_paper_a_rule_page_is_printed_once_per_story(report):
    path, _ = report
    with chromium_page() as page:
        page.goto(path.as_uri())
        # L1 and L3 of the example are both emotive-language ('slams', 'sweeping')
        assert page.locator("#s1-f3 details.rule-doc").is_visible()
        page.emulate_media(media="print")
        assert page.locator("#s1-f1 details.rule-doc > div p").first.is_visible()
        assert not page.locator("#s1-f3 details.rule-doc").is_visible()
        assert page.locator("#s1-f3 .print-only").inner_text() == "About L101 emotive-language: see L1."
