"""One fuzz target per parser and one for the suppression-comment parser.

A target takes bytes, makes a draft of them and checks what every parser promises: it returns a Document
whose prose is as long as the file with every line break in place, and whose blocks, comments, links,
tokens and quotations lie inside the file. (Sentences, which cost Punkt's time on every input, are left to
the property tests, tests/test_properties.py.) Any exception, or a broken promise (AssertionError), is a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rhetlint.lint.suppressions import parse_directives
from rhetlint.model.document import Comment, Document
from rhetlint.parsers import parse

LINE_BREAK = re.compile(r"\r\n|\n|\r")
DIRECTIVE_ACTIONS = ("disable", "disable-line", "disable-next-line", "enable")


def decode(data: bytes) -> str:
    """Bytes as text in one of three readings chosen by the first byte, so that the fuzzer reaches every
    code point: UTF-8 (invalid sequences replaced), Latin-1 (controls, NUL and CR), or three bytes per code
    point (astral characters; surrogates, which no decoded file holds, become U+FFFD)."""
    if not data:
        return ""
    mode, body = data[0] % 3, data[1:]
    if mode == 0:
        return body.decode("utf-8", "replace")
    if mode == 1:
        return body.decode("latin-1")
    chars = []
    for i in range(0, len(body) - 2, 3):
        point = int.from_bytes(body[i : i + 3], "little") % 0x110000
        chars.append("\ufffd" if 0xD800 <= point < 0xE000 else chr(point))
    return "".join(chars)


def check_document(doc: Document, source: str) -> None:
    assert doc.source == source
    assert len(doc.text) == len(source), "the prose is not as long as the file"
    spans = [m.span() for m in LINE_BREAK.finditer(doc.text)]
    assert spans == [m.span() for m in LINE_BREAK.finditer(source)], "line breaks moved, appeared or went"
    n = len(source)
    for part in (*doc.blocks, *doc.comments, *doc.links, *doc.tokens, *doc.quotes):
        assert 0 <= part.start <= part.end <= n, f"{part!r} lies outside the file (0..{n})"


def _parser_target(format: str, path: str) -> Callable[[bytes], None]:
    def target(data: bytes) -> None:
        source = decode(data)
        check_document(parse(source, path, format), source)

    target.__name__ = f"fuzz_{format}"
    return target


fuzz_text = _parser_target("text", "draft.txt")
fuzz_markdown = _parser_target("markdown", "draft.md")
fuzz_html = _parser_target("html", "draft.html")


def fuzz_suppressions(data: bytes) -> None:
    """The directives of a draft whose comments are the fuzzed text: in Markdown and in plain text, and
    once more with the whole text as a single comment body (as a parser plugin may report one)."""
    source = decode(data)
    n = len(source)
    for format, path in (("markdown", "draft.md"), ("text", "draft.txt")):
        doc = parse(source, path, format)
        doc.comments.append(Comment(0, n, source))
        for d in parse_directives(doc):
            assert d.action in DIRECTIVE_ACTIONS, d.action
            assert 0 <= d.start <= d.end <= n, d
            assert 0 <= d.lo <= d.hi <= n + 1, d
            assert all(name and not re.search(r"[\s,]", name) for name in d.rules), d.rules


TARGETS: dict[str, Callable[[bytes], None]] = {
    "text": fuzz_text,
    "markdown": fuzz_markdown,
    "html": fuzz_html,
    "suppressions": fuzz_suppressions,
}
