"""The built-in parsers: what stays prose, what is blanked, and that offsets never move."""

from __future__ import annotations

import re

import pytest

from rhetlint.model.document import Comment, Link
from rhetlint.parsers import guess_format, parse
from rhetlint.parsers.common import parse_front_matter


def zorks(doc) -> list[int]:
    """Offsets of the word "zork" that survived as prose."""
    return [t.start for t in doc.tokens if t.norm == "zork"]


def assert_same_shape(doc):
    """Blanking keeps the length and every line break where it was."""
    assert len(doc.text) == len(doc.source)
    for i, ch in enumerate(doc.source):
        if ch in "\r\n":
            assert doc.text[i] == ch, i


# --- format guessing ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("a.md", "markdown"),
        ("a.MARKDOWN", "markdown"),
        ("a.mdx", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.txt", "text"),
        ("README", "text"),
        (None, "text"),
    ],
)
def test_guess_format(path, fmt):
    assert guess_format(path) == fmt


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="unknown format 'rtf'"):
        parse("x", format="rtf")


def test_forced_format_wins_over_the_suffix():
    assert parse("# zork", "a.txt", format="markdown").format == "markdown"
    assert parse("<p>zork</p>", "a.md", format="html").text == "   zork    "


# --- plain text --------------------------------------------------------------------------------------
def test_plain_text_is_prose_as_is():
    src = "Some `code` and <b>tags</b> stay.\n"
    doc = parse(src, "a.txt")
    assert doc.text == src
    assert doc.format == "text"


def test_plain_text_blanks_directive_lines_and_html_comments():
    src = "# rhetlint-disable-next-line T101\nA zork <!-- zork -->.\n"
    doc = parse(src, "a.txt")
    assert doc.text == " " * 33 + "\nA zork " + " " * 13 + ".\n"
    assert zorks(doc) == [36]
    assert [c.body for c in doc.comments] == ["rhetlint-disable-next-line T101", " zork "]


# --- Markdown: skipped ---------------------------------------------------------------------------------
def test_fenced_code_is_blanked():
    src = "Before.\n\n```python\nzork = 1\n```\n\nAfter zork.\n"
    doc = parse(src, "a.md")
    assert_same_shape(doc)
    assert zorks(doc) == [src.rindex("zork")]
    assert doc.text[9:31] == "         \n        \n   "


def test_tilde_fence_is_blanked():
    doc = parse("~~~\nzork\n~~~\n", "a.md")
    assert doc.text == "   \n    \n   \n"


def test_indented_code_is_blanked():
    src = "Para.\n\n    zork in code\n\nzork after.\n"
    doc = parse(src, "a.md")
    assert zorks(doc) == [src.rindex("zork")]
    assert doc.text.splitlines()[2] == " " * 16


def test_inline_code_is_blanked():
    doc = parse("Use `zork` or ``a ` zork`` here.", "a.md")
    assert doc.text == "Use " + " " * 6 + " or " + " " * 12 + " here."


def test_front_matter_is_blanked_and_parsed():
    src = "---\ntitle: Zork news\ntags: [a, b]\ndraft: true\nauthors:\n  - Ann\n  - Bo\n---\nBody zork.\n"
    doc = parse(src, "a.md")
    assert doc.front_matter == {
        "title": "Zork news",
        "tags": ["a", "b"],
        "draft": True,
        "authors": ["Ann", "Bo"],
    }
    assert zorks(doc) == [src.rindex("zork")]
    assert doc.text.startswith("   \n" + " " * 16 + "\n")
    assert_same_shape(doc)


def test_front_matter_with_crlf():
    src = "---\r\ntitle: X\r\n---\r\nBody zork.\r\n"
    doc = parse(src, "a.md")
    assert doc.front_matter == {"title": "X"}
    assert doc.text == "   \r\n        \r\n   \r\nBody zork.\r\n"


def test_front_matter_only_at_the_top():
    src = "Intro.\n\n---\ntitle: zork\n---\n"
    doc = parse(src, "a.md")
    assert doc.front_matter == {}


def test_parse_front_matter_scalars():
    assert parse_front_matter("a: 'x'\nb: \"y\"\nc: no\nd:\n# comment\ne: [1, 2]") == {
        "a": "x",
        "b": "y",
        "c": False,
        "d": None,
        "e": ["1", "2"],
    }


def test_html_comments_are_blanked_and_recorded():
    src = "Text <!-- zork --> more.\n\n<!--\nzork\n-->\n"
    doc = parse(src, "a.md")
    assert doc.text.startswith("Text " + " " * 13 + " more.\n")
    assert zorks(doc) == []
    assert doc.comments == [Comment(5, 18, " zork "), Comment(26, 39, "\nzork\n")]


def test_comments_inside_code_are_not_comments():
    doc = parse("```\n<!-- rhetlint-disable -->\n```\n\n`<!-- x -->`\n", "a.md")
    assert doc.comments == []


def test_inline_link_keeps_the_text_and_drops_the_target():
    src = 'See [the zork report](https://zork.example/a "Zork") now.'
    doc = parse(src, "a.md")
    assert doc.text == "See  the zork report" + " " * 32 + " now."
    assert doc.links == [Link(5, 20, "https://zork.example/a")]
    assert zorks(doc) == [9]


def test_link_with_angle_brackets_and_parentheses_in_the_target():
    src = "[a](<https://x.example/zork one>) and [b](https://x.example/zork_(1))."
    doc = parse(src, "a.md")
    assert [link.target for link in doc.links] == ["https://x.example/zork one", "https://x.example/zork_(1)"]
    assert zorks(doc) == []
    assert doc.text.strip() == "a" + " " * 31 + " and  b" + " " * 29 + "."


def test_bare_urls_and_autolinks_are_blanked():
    src = "Visit https://zork.example/x, www.zork.com or <https://zork.example> or <zork@example.com> today."
    doc = parse(src, "a.md")
    assert zorks(doc) == []
    assert doc.text.split() == ["Visit", ",", "or", "or", "today."]
    assert doc.text.index(",") == src.index(",")  # the comma after the URL stays


def test_reference_definitions_are_blanked_and_reference_links_keep_their_text():
    src = 'Read [the zork story][zork] and [zork][].\n\n[zork]: https://zork.example/ref "Zork title"\n'
    doc = parse(src, "a.md")
    assert zorks(doc) == [10, 33]
    assert doc.text.splitlines()[2].strip() == ""
    assert len(doc.blocks) == 1


def test_images_and_inline_html_tags_are_blanked():
    src = 'A ![zork alt](zork.png) and <span class="zork">word</span>.'
    doc = parse(src, "a.md")
    assert zorks(doc) == []
    assert doc.text.split() == ["A", "and", "word", "."]


def test_html_blocks_in_markdown_are_not_prose():
    doc = parse("<div>\nzork\n</div>\n\nzork.\n", "a.md")
    assert zorks(doc) == [19]


def test_backslash_escapes_and_entities_keep_offsets():
    src = "A \\*zork\\* &amp; zork&eacute;."
    doc = parse(src, "a.md")
    assert doc.text == "A  *zork * &     zork\u00e9       ."
    assert zorks(doc) == [4]


@pytest.mark.parametrize("path", ["a.md", "a.html"])
def test_character_references_inside_a_word_keep_the_word_whole(path):
    src = "They don&rsquo;t trust the na&#239;ve blood&shy;thirsty owner&mdash;really, &lsquo;ok&rsquo;."
    doc = parse(f"<p>{src}</p>" if path.endswith("html") else src, path)
    words = [t.norm for t in doc.tokens]
    assert words == ["they", "don't", "trust", "the", "naïve", "bloodthirsty", "owner", "really", "ok"]
    token = doc.tokens[1]
    assert doc.source[token.start : token.end] == "don&rsquo;t"
    assert len(doc.text) == len(doc.source)


@pytest.mark.parametrize("path", ["a.md", "a.html"])
def test_neighbouring_references_are_read_as_their_characters(path):
    src = (
        "The caf&eacute;&rsquo;s &Eacute;cole so&#8209;called &lsquo;we don&rsquo;t care&rsquo; O&rsquo;Brien"
    )
    doc = parse(f"<p>{src}</p>" if path.endswith("html") else src, path)
    assert [t.norm for t in doc.tokens] == [
        "the",
        "café's",
        "école",
        "so-called",
        "we",
        "don't",
        "care",
        "o'brien",
    ]
    [quote] = [q for q in doc.quotes if q.kind == "single"]  # it does not close at the apostrophe of don't
    assert doc.source[quote.start : quote.end].startswith("&lsquo;we don&rsquo;t care&")


def test_long_runs_of_soft_hyphens_tokenize_as_one_word():
    from rhetlint.text.tokens import tokenize

    [token] = tokenize("blood" + "\u00ad" * 5000 + "thirsty")
    assert token.norm == "bloodthirsty"


def test_loaded_word_with_a_character_reference_is_flagged_at_its_source_span():
    import rhetlint_plugins.loaded
    from rhetlint.testing import lint_text

    src = "<p>The senator&rsquo;s aides called it a blood&shy;thirsty plan.</p>\n"
    [found] = lint_text(
        src, plugins=[rhetlint_plugins.loaded], select=["emotive-language"], path="story.html"
    )
    assert found.match == "blood&shy;thirsty"
    assert (found.start.column, found.end.column) == (src.index("blood") + 1, src.index(" plan") + 1)


# --- Markdown: kept ------------------------------------------------------------------------------------
def test_atx_heading_is_kept_without_its_markers():
    doc = parse("## Zork heading ##\n\nBody.\n", "a.md")
    assert doc.text.startswith("   Zork heading   \n")
    assert (doc.blocks[0].start, doc.blocks[0].end, doc.blocks[0].kind) == (3, 15, "heading")


def test_setext_heading_drops_its_underline():
    doc = parse("Zork title\n==========\n\nBody.\n", "a.md")
    assert doc.text.startswith("Zork title\n" + " " * 10 + "\n")
    assert (doc.blocks[0].start, doc.blocks[0].end, doc.blocks[0].kind) == (0, 10, "heading")


def test_list_items_are_kept_without_markers():
    src = "- zork one\n- [x] zork two\n1. zork three\n"
    doc = parse(src, "a.md")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("item", "zork one"),
        ("item", "zork two"),
        ("item", "zork three"),
    ]
    assert zorks(doc) == [2, 17, 29]


def test_nested_list_item():
    doc = parse("1. outer\n   * inner zork\n", "a.md")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("item", "outer"),
        ("item", "inner zork"),
    ]


def test_block_quote_is_kept_and_marked_quoted():
    src = "> zork quote\n> more\n\nAfter.\n"
    doc = parse(src, "a.md")
    assert doc.text == "  zork quote\n  more\n\nAfter.\n"
    first, second = doc.blocks
    assert (first.start, first.end, first.kind, first.quoted) == (2, 19, "paragraph", True)
    assert second.quoted is False


def test_nested_block_quote_markers_are_blanked():
    doc = parse("> > deep zork\n", "a.md")
    assert doc.text == "    deep zork\n"
    assert doc.blocks[0].quoted


def test_table_cells_are_blocks():
    src = "| zork a | b |\n|---|---|\n| c | `zork` |\n"
    doc = parse(src, "a.md")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("cell", "zork a"),
        ("cell", "b"),
        ("cell", "c"),
    ]
    assert zorks(doc) == [2]


def test_emphasis_markers_do_not_glue_to_words():
    doc = parse("A _zork_ and **zork**.", "a.md")
    assert zorks(doc) == [3, 15]


def test_markdown_crlf_keeps_offsets():
    src = "# Title\r\n\r\nFirst `code` zork.\r\n\r\n```\r\nzork\r\n```\r\n"
    doc = parse(src, "a.md")
    assert_same_shape(doc)
    assert zorks(doc) == [24]
    assert doc.position(24) == (3, 14)


# --- HTML ------------------------------------------------------------------------------------------------
HTML = (
    "<!DOCTYPE html>\n"
    "<html><head><title>Zork page</title>\n"
    "<style>p.zork { color: red; }</style>\n"
    '<script>var zork = "zork";</script>\n'
    "</head><body>\n"
    "<h1>Big zork</h1>\n"
    '<p>He said <q>zork there</q> &amp; left. <a href="https://zork.example">link zork</a></p>\n'
    "<!-- rhetlint-disable T101 -->\n"
    "<blockquote><p>Quoted zork.</p></blockquote>\n"
    '<pre>zork pre</pre><p class="zork">Caf&eacute; zork</p>\n'
    "</body></html>\n"
)


def test_html_keeps_only_text_and_skips_script_and_style():
    doc = parse(HTML, "a.html")
    assert_same_shape(doc)
    words = doc.text.split()
    assert words == [
        "Zork",
        "page",
        "Big",
        "zork",
        "He",
        "said",
        "zork",
        "there",
        "&",
        "left.",
        "link",
        "zork",
        "Quoted",
        "zork.",
        "Caf\u00e9",
        "zork",
    ]


def test_html_text_stays_at_its_source_offsets():
    doc = parse(HTML, "a.html")
    for t in doc.tokens:
        if t.norm == "zork":
            assert HTML[t.start : t.end].lower() == "zork"
    assert doc.position(doc.text.index("Big")) == (6, 5)


def test_html_block_kinds_and_block_quotes():
    doc = parse(HTML, "a.html")
    kinds = [(b.kind, b.quoted, doc.text[b.start : b.end]) for b in doc.blocks]
    assert kinds[0] == ("title", False, "Zork page")
    assert kinds[1] == ("heading", False, "Big zork")
    assert ("paragraph", True, "Quoted zork.") in kinds


def test_html_links_comments_and_inline_quotations():
    doc = parse(HTML, "a.html")
    assert [(doc.text[link.start : link.end], link.target) for link in doc.links] == [
        ("link zork", "https://zork.example")
    ]
    assert [c.body for c in doc.comments] == [" rhetlint-disable T101 "]
    comment = doc.comments[0]
    assert HTML[comment.start : comment.end] == "<!-- rhetlint-disable T101 -->"
    q_start = HTML.index("<q>")
    assert doc.in_quote(HTML.index("zork there"))
    assert not doc.in_quote(HTML.index("He said"))
    assert any(q.start == q_start and q.end == HTML.index("</q>") + 4 for q in doc.quotes)


def test_html_entities_and_character_references():
    src = "<p>A &ldquo;zork&rdquo; &#8220;x&#x201D; 5 &lt; 6 &bogus; end</p>"
    doc = parse(src, "a.html")
    assert_same_shape(doc)
    assert doc.text.split() == ["A", "\u201c", "zork\u201d", "\u201c", "x\u201d", "5", "<", "6", "end"]
    assert zorks(doc) == [src.index("zork")]
    assert doc.in_quote(src.index("zork"))


@pytest.mark.parametrize("path", ["a.md", "a.html"])
@pytest.mark.parametrize("reference", ["&#10;", "&#13;", "&#x2028;", "&#133;", "&NewLine;"])
def test_a_reference_to_a_line_break_is_a_space_in_the_prose(path, reference):
    """Decoded, "&#10;" would give the prose a line break the file does not have (found by
    tests/test_properties.py): the prose's lines would no longer be the file's lines."""
    src = f"The zork{reference}said it."
    doc = parse(f"<p>{src}</p>" if path.endswith("html") else src, path)
    assert_same_shape(doc)
    assert (
        "\n" not in doc.text and "\r" not in doc.text and "\u2028" not in doc.text and "\x85" not in doc.text
    )
    assert [t.norm for t in doc.tokens] == ["the", "zork", "said", "it"]


# Comments in every Python version, and forms that only some versions' html.parser reads as comments.
ALWAYS_COMMENTS = ["<!-- rhetlint-disable L101 -->", "<!- rhetlint-disable L101 -->", "<!x>"]
SOMETIMES_COMMENTS = ["</ x>", "<!-->", "<!--x--!>"]


@pytest.mark.parametrize("comment", ALWAYS_COMMENTS + SOMETIMES_COMMENTS)
def test_an_html_comment_ends_where_its_markup_ends(comment):
    """A bogus comment ("<!x>") was measured as if it were "<!--x-->", ending past the file (found by the
    html fuzz target)."""
    src = f"<p>The zork. {comment}</p>"
    found = [src[c.start : c.end] for c in parse(src, "a.html").comments]
    assert found == [comment] if comment in ALWAYS_COMMENTS else found in ([comment], [])


@pytest.mark.parametrize("section", ["<![**", "<![0 x]]>", "<![ foo [ x ]]>", "<![\n"])
def test_a_malformed_marked_section_is_no_parser_failure(section):
    """Python's html.parser raises AssertionError on "<![" without a keyword; the draft is still read, and
    the text after it keeps its offsets (found by tests/test_properties.py)."""
    src = f"<p>Intro.</p>{section}<p>The zork.</p>\n<p>A zork.</p>"
    doc = parse(src, "a.html")
    assert_same_shape(doc)
    assert zorks(doc) == [m.start() for m in re.finditer("zork", src)]


@pytest.mark.parametrize(
    ("src", "texts"),
    [
        ("<p><a/>The zork.</p>", []),
        ("<p><A/</>The zork.</a></p>", []),
        ('<p><a title="x>y" href="u">The zork</a>.</p>', ["The zork"]),
        ("<p>A <a href='u'>zork</a> b<br/>c</p>", ["zork"]),
    ],
)
def test_an_html_link_spans_its_text(src, texts):
    """A self-closing "<a/>" gave a link that ended before it began, and a ">" inside an attribute moved the
    start of the link text into the tag (found by the html fuzz target)."""
    doc = parse(src, "a.html")
    assert all(0 <= link.start <= link.end <= len(src) for link in doc.links)
    assert [src[link.start : link.end] for link in doc.links] == texts
    assert zorks(doc) == [src.index("zork")]


def test_html_offsets_with_crlf_and_non_ascii():
    src = "<p>\u00e9\U0001f600 one</p>\r\n<p>\u4e2d zork</p>\r\n"
    doc = parse(src, "a.html")
    assert zorks(doc) == [src.index("zork")]
    assert doc.position(src.index("zork")) == (2, 6)


def test_html_self_closing_and_unclosed_tags():
    doc = parse("<p>One<p>Two zork<br/>three", "a.html")
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["One", "Two zork", "three"]


def test_plain_text_directive_line_does_not_split_a_paragraph():
    from rhetlint.parsers import parse

    text = "First line of the paragraph.\n# rhetlint-disable-next-line L101\nSecond line.\n\nNext one.\n"
    doc = parse(text, "draft.txt")
    assert [text[b.start : b.end] for b in doc.blocks] == [
        "First line of the paragraph.\n# rhetlint-disable-next-line L101\nSecond line.",
        "Next one.",
    ]
    assert "#" not in doc.text
