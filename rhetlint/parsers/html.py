"""HTML: the text of prose elements; scripts, styles, tags and attributes blanked; ``<q>`` as quotations."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from rhetlint.model.document import Block, Comment, Document, Link
from rhetlint.parsers.common import (
    assemble,
    decoded_around,
    entity_text,
)
from rhetlint.text.paragraphs import trim


class _HTMLExtractor(HTMLParser):
    """Collect the text of an HTML page at its source offsets."""

    BLOCK_TAGS = frozenset(
        "p h1 h2 h3 h4 h5 h6 li blockquote div td th dt dd figcaption title section article header footer "
        "aside nav main ul ol table tr br hr caption summary details address body".split()
    )
    SKIP_TAGS = frozenset("script style noscript template pre code svg math textarea".split())
    VOID_TAGS = frozenset("br hr img input meta link area base col embed source track wbr".split())
    HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.newline_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.pieces: list[tuple[int, str]] = []
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.links: list[Link] = []
        self.quote_regions: list[tuple[int, int]] = []
        self.skip_depth = 0
        self.quote_depth = 0
        self.kinds: list[str] = []
        self.open_q: list[int] = []
        self.open_a: list[tuple[int, str]] = []
        self.lo = -1
        self.hi = -1

    def parse_html_declaration(self, i: int) -> int:
        """A malformed ``<![`` section (``<![**``, ``<![0``) makes Python's parser raise AssertionError; a
        browser reads it as a bogus comment, and so does this parser, from the position it had before."""
        position = self.lineno, self.offset
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.lineno, self.offset = position
            return self.parse_bogus_comment(i)

    def source_offset(self) -> int:
        line, column = self.getpos()
        return self.newline_starts[line - 1] + column

    def end_block(self) -> None:
        if self.lo >= 0:
            kind = next((k for k in reversed(self.kinds) if k != "paragraph"), "paragraph")
            self.blocks.append(Block(self.lo, self.hi, kind, self.quote_depth > 0))
        self.lo = self.hi = -1

    def put(self, start: int, text: str) -> None:
        if self.skip_depth or not text:
            return
        self.pieces.append((start, text))
        lo, hi = trim(text, 0, len(text))
        if lo < hi:
            if self.lo < 0:
                self.lo = start + lo
            self.hi = start + hi

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.source_offset()
        if tag in self.SKIP_TAGS:
            if tag not in self.VOID_TAGS:
                self.skip_depth += 1
            return
        if tag in self.BLOCK_TAGS:
            self.end_block()
            if tag == "blockquote":
                self.quote_depth += 1
            if tag not in self.VOID_TAGS:
                kind = {"li": "item", "td": "cell", "th": "cell", "title": "title"}.get(tag)
                self.kinds.append("heading" if tag in self.HEADINGS else kind or "paragraph")
        elif tag == "q":
            self.open_q.append(start)
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            # the link text starts after the whole start tag (an attribute value may hold a ">")
            self.open_a.append((start + len(self.get_starttag_text() or ""), href))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """``<a/>`` is a link without text; the parser's default would end it at its own start, before its
        text begins."""
        self.handle_starttag(tag, attrs)
        if tag == "a" and self.open_a:
            self.open_a.pop()
        else:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        start = self.source_offset()
        if tag in self.SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in self.BLOCK_TAGS:
            self.end_block()
            if tag == "blockquote":
                self.quote_depth = max(0, self.quote_depth - 1)
            if self.kinds and tag not in self.VOID_TAGS:
                self.kinds.pop()
        elif tag == "q" and self.open_q:
            q_start = self.open_q.pop()
            self.quote_regions.append((q_start, self.source.find(">", start) + 1))
        elif tag == "a" and self.open_a:
            text_start, href = self.open_a.pop()
            self.links.append(Link(text_start, start, href))

    def handle_data(self, data: str) -> None:
        self.put(self.source_offset(), data)

    def handle_entityref(self, name: str) -> None:
        start = self.source_offset()
        raw_end = start + 1 + len(name) + (1 if self.source.startswith(";", start + 1 + len(name)) else 0)
        self.put(start, entity_text(self.source[start:raw_end], *decoded_around(self.source, start, raw_end)))

    def handle_charref(self, name: str) -> None:
        self.handle_entityref("#" + name)

    def handle_comment(self, data: str) -> None:
        """A comment ``<!--data-->``, or what the parser reads as one: ``<!data>`` and ``</ data>`` (bogus
        comments), ``--!>`` closings and a comment left open at the end of the file."""
        start = self.source_offset()
        opener = 4 if self.source.startswith("<!--", start) else 2
        close = self.source.find(">", start + opener + len(data))
        self.comments.append(Comment(start, len(self.source) if close < 0 else close + 1, data))


def parse_html(source: str, path: str | None = None) -> Document:
    extractor = _HTMLExtractor(source)
    extractor.feed(source)
    extractor.close()
    extractor.end_block()
    text = assemble(source, extractor.pieces)
    return Document(
        source,
        text,
        path=path,
        format="html",
        blocks=sorted(extractor.blocks),
        comments=extractor.comments,
        links=extractor.links,
        quote_regions=extractor.quote_regions,
    )
