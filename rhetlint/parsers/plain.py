"""Plain text: paragraphs by blank lines (or by lines, in unwrapped text), a headline, directive lines, and
page furniture (captions, hover text, "Related:" lines) blanked as non-prose."""

from __future__ import annotations

import re

from rhetlint.model.document import Block, Comment, Document, plain_blocks
from rhetlint.parsers.common import (
    assemble,
    gaps,
    html_comments,
)
from rhetlint.parsers.furniture import furniture_spans
from rhetlint.text.paragraphs import IGNORED_LINE, trim

# A plain-text directive line: "# rhetlint-disable NAME", "// rhetlint-…" or "% rhetlint-…".
TEXT_DIRECTIVE = re.compile(r"^[ \t]*(?:#|//|%)[ \t]*(rhetlint-[^\r\n]*)(?=\r|$)", re.M)


def parse_text(source: str, path: str | None = None) -> Document:
    comments = html_comments(source)
    directives = list(TEXT_DIRECTIVE.finditer(source))
    comments += [Comment(m.start(1), m.end(1), m.group(1)) for m in directives]
    comments.sort()
    text = source
    # Hide the comments, the whole directive lines (the "#", "//" or "%" marker too) and page furniture.
    hidden = [(c.start, c.end) for c in comments] + [(m.start(), m.end()) for m in directives]
    hidden += furniture_spans(source)
    if hidden:
        text = assemble(source, [(e, source[e:s]) for e, s in gaps(hidden, len(source))])
    blocks = plain_blocks(text)
    if directives:
        # A directive line sits inside a paragraph ("disable the next line"): it must not split it.
        pieces, pos = [], 0
        for m in directives:
            pieces += [text[pos : m.start()], IGNORED_LINE * (m.end() - m.start())]
            pos = m.end()
        layout = "".join(pieces) + text[pos:]
        blocks = [b for b in (_trim(text, blk) for blk in plain_blocks(layout)) if b is not None]
    if len(blocks) > 1 and _looks_like_headline(text[blocks[0].start : blocks[0].end]):
        blocks[0] = blocks[0]._replace(kind="heading")
    return Document(source, text, path=path, format="text", blocks=blocks, comments=comments)


def _trim(text: str, block: Block) -> Block | None:
    start, end = trim(text, block.start, block.end)
    return block._replace(start=start, end=end) if start < end else None


def _looks_like_headline(first: str) -> bool:
    """A plain-text draft's first paragraph is its headline when it is one short line without a full stop."""
    return (
        "\n" not in first and "\r" not in first and len(first.split()) <= 25 and first[-1:] not in '.,;:!?"”'
    )
