"""``rhetlint report``: the HTML page keeps every character of the draft, escapes everything it did not
write itself, links each highlight to its card and back, and fails like every other command (one line,
exit 2). The browser test (test_report_browser.py) checks the same page in Chromium."""

from __future__ import annotations

import json
import os
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rhetlint.output.html_report.draft import Mark, render_draft
from rhetlint.output.html_report.families import ATTRIBUTION, LOADED
from rhetlint.output.html_report.source_table import per_side

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = (
    '---\ntitle: "<script>alert(1)</script>"\n---\n\n'
    "# The council\u2019s <b>plan</b> & the 'deal'\r\n\r\n"
    'Critics say the mayor slammed the caf\u00e9 \U0001f680 owners, calling it a "<img src=x onerror=alert(2)>".\r\n'
    "<script>document.title = 'owned'</script>\r\n"
    "Clearly, the regime \u201cwon\u201d.\r\n"
)


class Page(HTMLParser):
    """What the tests read back from a report: the draft's text, highlights, markers, cards and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.ids: dict[str, str] = {}  # id -> tag
        self.links: dict[str, str] = {}  # id of a link -> its href
        self.markers: list[dict[str, str]] = []
        self.cards: list[str] = []
        self.highlights: dict[str, str] = {}  # finding number -> highlighted text (joined pieces)
        self.draft: list[str] = []
        self.back: dict[str, str] = {}  # card id -> href of its back link
        self._draft_depth = 0
        self._in_marker = False
        self._highlight: str | None = None
        self._card: str | None = None
        self._in_back = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        classes = a.get("class", "").split()
        if "id" in a:
            self.ids[a["id"]] = tag
            if tag == "a" and "href" in a:
                self.links[a["id"]] = a["href"]
        if tag == "pre" and "draft" in classes:
            self._draft_depth = 1
        elif self._draft_depth and tag != "pre":
            self._draft_depth += 1
        if tag == "a" and "marker" in classes and self._draft_depth:
            self.markers.append(a)
            self._in_marker = True
        if tag == "a" and "hl" in classes and self._draft_depth:
            self._highlight = a["data-finding"]
        if tag == "article" and "card" in classes:
            self.cards.append(a["id"])
            self._card = a["id"]
        if tag == "p" and "back" in classes and self._card:
            self._in_back = True
        if tag == "a" and self._in_back and self._card:
            self.back[self._card] = a["href"]

    def handle_endtag(self, tag):
        if self._draft_depth:
            self._draft_depth -= 1
        if tag == "a":
            self._in_marker = False
            self._highlight = None
        if tag == "p":
            self._in_back = False
        if tag == "article":
            self._card = None

    def handle_data(self, data):
        if self._draft_depth and not self._in_marker:
            self.draft.append(data)
            if self._highlight is not None:
                self.highlights[self._highlight] = self.highlights.get(self._highlight, "") + data


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_bytes().decode("utf-8"))  # no newline translation: CRLF stays CRLF
    page.close()
    return page


@pytest.fixture
def builtin_rules(monkeypatch):
    """The built-in rule plugins, as an installed rhetlint loads them."""
    monkeypatch.delenv("RHETLINT_LOAD_PLUGINS")


def diagnostics_of(run_cli, path: Path) -> list[dict]:
    return run_cli(["check", "--format", "json", path]).json()["diagnostics"]


def test_the_draft_is_kept_character_for_character_and_nothing_is_markup(builtin_rules, tmp_path, run_cli):
    draft = tmp_path / "story.md"
    draft.write_bytes(HOSTILE.encode("utf-8"))
    result = run_cli(["report", draft, "-o", tmp_path / "report.html"], cwd=tmp_path)
    assert result.code == 0, result.err
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    page = read_page(tmp_path / "report.html")
    # the draft's own <script>, <b> and <img> are text: the only elements are the report's
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert "<script>" not in html and "onerror=alert(2)>" not in html
    assert "".join(page.draft) == HOSTILE  # CRLF, emoji, curly quotes and accents, in place
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_each_finding_has_a_highlight_a_marker_and_a_card_linked_both_ways(builtin_rules, tmp_path, run_cli):
    draft = tmp_path / "story.md"
    draft.write_bytes(HOSTILE.encode("utf-8"))
    expected = diagnostics_of(run_cli, draft)
    assert len(expected) >= 4
    run_cli(["report", draft, "-o", tmp_path / "report.html"], cwd=tmp_path)
    page = read_page(tmp_path / "report.html")
    assert len(page.markers) == len(page.cards) == len(expected)
    for number, (marker, card, diagnostic) in enumerate(
        zip(page.markers, page.cards, expected, strict=True), 1
    ):
        assert marker["href"] == f"#{card}"
        assert page.ids[card] == "article"
        assert page.back[card] == f"#{marker['id']}"
        assert marker["aria-label"].endswith(diagnostic["name"])
        # the highlight covers exactly the flagged words (pieces of an overlapping finding aside)
        if str(number) in page.highlights:
            assert page.highlights[str(number)] in diagnostic["match"]
    covered = {d["match"] for d in expected}
    assert {"slammed", "Clearly", "regime"} <= covered


def test_cards_carry_the_message_the_rule_page_and_the_alternatives(builtin_rules, tmp_path, run_cli):
    run_cli(["report", ROOT / "examples" / "draft.md", "-o", tmp_path / "r.html"], cwd=ROOT)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "dramatises criticism as a physical blow; consider &#x27;criticizes&#x27;" in html
    assert "<li>criticizes</li><li>criticises</li>" in html  # the fix, then the other alternative
    assert "<li>said</li><li>acknowledged</li>" in html  # 'admitted'
    assert "About L101 emotive-language</summary>" in html
    assert "<h5>Why it matters</h5>" in html  # the rule's docstring, headings below the card's h4
    # the source table and the chart, from the same data as `rhetlint sources --format json`
    assert '<th scope="row">Maria Okafor</th>' in html
    assert '<svg class="chart" role="img"' in html
    assert ">16</text>" in html  # Okafor's quoted words


def test_a_plugins_words_are_escaped_in_cards_and_rule_pages(project, run_cli):
    project.plugin(
        "evil",
        '''
        from rhetlint import Finding, hookimpl, rule

        @rule(code="E666", name="evil-word", category="testing", severity="warning")
        def evil(doc, options):
            """Flags <script>alert('doc')</script> "quotes".

            ## What it flags
            <img src=x onerror=alert(3)> and [a link](javascript:alert(4)).
            """
            for t in doc.tokens:
                if t.norm == "zork":
                    yield Finding(t.start, t.end, 'a "<script>" & \\'x\\' message',
                                  data={"instead": ["<b>bold</b>"]})

        @hookimpl
        def rhetlint_register_rules(register):
            register(evil)
        ''',
    )
    project.write("a.md", "A zork.\n")
    assert run_cli(["report", "a.md", "-o", "r.html"], cwd=project.root).code == 0
    html = (project.root / "r.html").read_text(encoding="utf-8")
    page = read_page(project.root / "r.html")
    assert not {"script", "img", "b"} & set(page.tags)
    assert "javascript:" not in html.replace("javascript:alert(4)", "")  # the link was not made
    assert 'href="javascript' not in html
    assert "a &quot;&lt;script&gt;&quot; &amp; &#x27;x&#x27; message" in html
    assert "<li>&lt;b&gt;bold&lt;/b&gt;</li>" in html


def test_many_drafts_make_one_page_with_an_index_and_unreadable_ones_are_listed(project, run_cli):
    project.write("news/a.md", "A zork and a blorp.\n")
    project.write("news/b.md", "Nothing here.\n")
    project.write("news/c.md", b"\xff\xfe\x00bad")
    result = run_cli(["report", "news", "missing.md", "-o", "r.html"], cwd=project.root)
    assert result.code == 2
    errors = result.err_lines
    assert len(errors) == 2 and all(": error: " in line for line in errors)
    assert any(line.startswith("missing.md: error: no such file") for line in errors)
    html = (project.root / "r.html").read_text(encoding="utf-8")
    page = read_page(project.root / "r.html")
    assert "index-title" in page.ids
    assert '<a href="#s1">news/a.md</a>' in html and '<a href="#s2">news/b.md</a>' in html
    assert "<code>missing.md</code>: no such file or folder" in html
    assert "Not in this report" in html and "news/c.md" in html
    assert "Nothing to question" in html  # b.md has no findings


def test_standard_input_gets_its_stdin_filename(project, run_cli):
    result = run_cli(
        ["report", "-", "--stdin-filename", "desk/story.md", "-o", "-"], cwd=project.root, stdin=b"A zork.\n"
    )
    assert result.code == 0
    assert '<h2 id="s1-title" class="story-title">desk/story.md</h2>' in result.out
    assert result.out.count('id="s1-m') == 1  # one marker in the draft (the legend's have no id)


def test_an_unwritable_report_is_one_line_and_exit_2(project, run_cli):
    project.write("a.md", "A zork.\n")
    result = run_cli(["report", "a.md", "-o", "no/such/folder/r.html"], cwd=project.root)
    assert result.code == 2
    assert result.err_lines == [result.err_lines[0]] and "cannot write no/such/folder/r.html" in result.err
    assert "Traceback" not in result.err


def test_the_report_replaces_an_old_one_whole_and_keeps_its_mode(project, run_cli):
    project.write("a.md", "A zork.\n")
    old = project.write("r.html", "old report")
    os.chmod(old, 0o640)
    assert run_cli(["report", "a.md", "-o", "r.html"], cwd=project.root).code == 0
    assert old.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert [p.name for p in project.root.iterdir() if p.name.startswith(".r.html")] == []


def test_a_new_report_is_readable_by_others_like_any_new_file(project, run_cli):
    project.write("a.md", "A zork.\n")
    umask = os.umask(0o022)
    try:
        assert run_cli(["report", "a.md", "-o", "r.html"], cwd=project.root).code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE((project.root / "r.html").stat().st_mode) == 0o644


def test_overlapping_findings_cut_the_text_and_link_each_piece_to_the_innermost():
    source = "critics say it slammed them"
    outer = Mark(0, 22, ATTRIBUTION, 1, "f1", "m1", "finding 1")
    inner = Mark(15, 22, LOADED, 2, "f2", "m2", "finding 2")
    html = render_draft(source, source, [outer, inner])
    assert html == (
        '<a class="hl hl-attribution" href="#f1" tabindex="-1" data-finding="1">critics say it </a>'
        '<a class="hl hl-loaded" href="#f2" tabindex="-1" data-finding="2">slammed</a>'
        '<a class="marker marker-attribution" id="m1" href="#f1" aria-label="finding 1">A1</a>'
        '<a class="marker marker-loaded" id="m2" href="#f2" aria-label="finding 2">L2</a>'
        " them"
    )


def test_markup_is_dimmed_and_an_empty_finding_still_gets_its_marker():
    source = "<p>Big\u00a0news</p>"
    prose = "   Big\u00a0news    "
    html = render_draft(source, prose, [Mark(3, 3, LOADED, 1, "f1", "m1", "finding 1")])
    assert html == (
        '<span class="markup">&lt;p&gt;</span>'
        '<a class="marker marker-loaded" id="m1" href="#f1" aria-label="finding 1">L1</a>'
        'Big\u00a0news<span class="markup">&lt;/p&gt;</span>'
    )


def test_attributions_and_quoted_words_are_summed_per_side_with_no_side_last():
    sources = [
        {"side": None, "attributions": 2, "quoted_words": 8},
        {"side": "drivers", "attributions": 1, "quoted_words": 0},
        {"side": "transit", "attributions": 4, "quoted_words": 16},
        {"side": "transit", "attributions": 2, "quoted_words": 0},
    ]
    attributions, quoted = per_side(sources)
    assert list(attributions.items()) == [("transit", 6), ("drivers", 1), ("no side", 2)]
    assert list(quoted.items()) == [("transit", 16), ("drivers", 0), ("no side", 8)]


def test_the_chart_matches_rhetlint_sources_json(builtin_rules, tmp_path, run_cli):
    story = ROOT / "tests" / "fixtures" / "sourcing" / "S101.md"
    sources = run_cli(["sources", "--format", "json", story]).json()["documents"][0]["sources"]
    attributions, quoted = per_side(sources)
    # the union's "had rejected" is nested in Ortiz's statement and "called off the strike" is an action
    assert attributions == {"transit": 6, "drivers": 1}
    run_cli(["report", story, "-o", tmp_path / "r.html"], cwd=ROOT)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    for side, value in attributions.items():
        assert f"<title>{side}: {value}</title>" in html
    for side, value in quoted.items():
        assert f"<title>{side}: {value}</title>" in html
    assert json.dumps("transit (configured from")[1:-1] in html.replace("</span>", "").replace(
        '<span class="muted">', ""
    )


def test_the_error_line_docs_report_md_shows_is_what_a_run_prints(project, run_cli):
    documented = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    project.write("news/c.md", b"\xff\xfe\x00bad")
    result = run_cli(["report", "news/c.md", "-o", "r.html"], cwd=project.root)
    assert result.code == 2
    assert f"(`{result.err_lines[0]}`)" in documented


def test_the_screenshot_command_docs_report_md_gives_is_the_script_that_makes_it():
    documented = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    assert ".venv/bin/python tests/browser.py docs/report-example.png" in documented
    assert "![The report of examples/draft.md in Chromium](report-example.png)" in documented
    assert (ROOT / "docs" / "report-example.png").read_bytes().startswith(b"\x89PNG")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/report.md)" in readme


def test_docs_report_md_names_every_option_of_the_command():
    from rhetlint.cli.app import build_parser

    documented = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    parser = build_parser()
    report = parser._subparsers._group_actions[0].choices["report"]  # type: ignore[union-attr]
    options = [o for action in report._actions for o in action.option_strings if o.startswith("--")]
    assert len(options) > 5
    missing = [o for o in options if o != "--help" and f"`{o}" not in documented]
    assert missing == []


def test_file_names_and_the_title_are_escaped(project, run_cli):
    project.write('desk/a"<i>x</i>\u2019s.md', "A zork.\n")
    project.write("desk/b.md", "A blorp.\n")
    title = "<script>alert('t')</script> & co"
    assert run_cli(["report", "desk", "--title", title, "-o", "r.html"], cwd=project.root).code == 0
    html = (project.root / "r.html").read_text(encoding="utf-8")
    page = read_page(project.root / "r.html")
    assert not {"script", "i"} & set(page.tags)
    assert "<title>&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; &amp; co</title>" in html
    assert "desk/a&quot;&lt;i&gt;x&lt;/i&gt;\u2019s.md</a>" in html
