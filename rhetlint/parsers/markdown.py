"""Markdown (CommonMark with tables, through markdown-it-py): prose blocks, links, code and front matter."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rhetlint.model.document import Block, Document, Link
from rhetlint.parsers.common import (
    ENTITY,
    FRONT_MATTER,
    HTML_COMMENT,
    assemble,
    blank,
    entity_in,
    html_comments,
    parse_front_matter,
)
from rhetlint.parsers.plain import parse_text
from rhetlint.text.lines import LineIndex
from rhetlint.text.paragraphs import trim

# markdown-it stops reading blocks nested deeper than its maxNesting and drops their text in silence; the
# CommonMark preset's 20 is ten levels of list. rhetlint reads 99 levels of list (199 of block quote), and a
# draft nested deeper still is read as plain text, with a note, rather than losing words.
MAX_NESTING = 200
# Opening tokens whose content markdown-it parses one level deeper.
CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"})
TOO_DEEP_NOTE = (
    f"nested too deeply to read as markdown (over {(MAX_NESTING - 1) // 2} levels of list or "
    f"{MAX_NESTING - 1} of block quote); checked as plain text"
)


@cache
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    # Only the block structure is read (inline markup is blanked by the patterns below), so markdown-it's
    # inline pass, a third of its time on news, is switched off.
    return (
        MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable(["inline", "text_join"])
    )


def _cut_off(tokens: list[Any]) -> bool:
    """Whether markdown-it dropped text: a container opened at the last level has its content skipped."""
    return any(t.level >= MAX_NESTING - 1 and t.type in CONTAINERS for t in tokens)


# Container markup at the start of a line inside a block quote.
QUOTE_PREFIX = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
# A list marker (and optional task box) at the start of a list item's first line.
LIST_MARKER = re.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?:[ \t]+|$)")
ATX_OPEN = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)")
ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$")
# Inline code: a backtick run closed by a run of the same length.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>")
INLINE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>")
IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)\n]*\)")
# [text](destination "title"): the text stays, the brackets and destination go.
INLINE_LINK = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
# [text][ref] and [text][]
REFERENCE_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\]\n]*)\]")
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
BARE_URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]'’]")
ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def _blank_match(m: re.Match[str]) -> str:
    return blank(m.group())


def _blank_inline(seg: str, base: int, links: list[Link], code: list[tuple[int, int]]) -> str:
    def code_span(m: re.Match[str]) -> str:
        code.append((base + m.start(), base + m.end()))
        return blank(m.group())

    def inline_link(m: re.Match[str]) -> str:
        text_start, text_end = m.start(1), m.end(1)
        links.append(Link(base + text_start, base + text_end, m.group(2).strip("<>")))
        whole = m.group()
        inner = whole[1 : 1 + text_end - text_start]
        return " " + inner + blank(whole[1 + len(inner) :])

    def reference_link(m: re.Match[str]) -> str:
        whole = m.group()
        inner = m.group(1)
        return " " + inner + blank(whole[1 + len(inner) :])

    seg = CODE_SPAN.sub(code_span, seg)
    seg = HTML_COMMENT.sub(_blank_match, seg)
    seg = AUTOLINK.sub(_blank_match, seg)
    seg = INLINE_TAG.sub(_blank_match, seg)
    seg = IMAGE.sub(_blank_match, seg)
    seg = FOOTNOTE_REF.sub(_blank_match, seg)
    seg = INLINE_LINK.sub(inline_link, seg)
    seg = REFERENCE_LINK.sub(reference_link, seg)
    seg = BARE_URL.sub(_blank_match, seg)
    seg = ENTITY.sub(lambda m: entity_in(seg, m), seg)
    seg = ESCAPE.sub(" ", seg)
    return seg


def _block_lines(lines: LineIndex, first: int, last: int) -> tuple[int, int]:
    """Offsets of 0-based source lines first..last-1, without the final line break."""
    start = lines.starts[first] if first < len(lines.starts) else len(lines.text)
    end = lines.line_span(last)[1] if last >= 1 else start
    return start, max(start, end)


def parse_markdown(source: str, path: str | None = None) -> Document:
    lines = LineIndex(source)
    front_matter: dict[str, Any] = {}
    parse_source = source
    fm = FRONT_MATTER.match(source)
    if fm:
        front_matter = parse_front_matter(fm.group(1) or "")
        parse_source = blank(fm.group()) + source[fm.end() :]
    tokens = _markdown_parser().parse(parse_source)
    if _cut_off(tokens):
        doc = parse_text(source, path)
        doc.notes.append(TOO_DEEP_NOTE)
        return doc

    pieces: list[tuple[int, str]] = []
    blocks: list[Block] = []
    links: list[Link] = []
    code: list[tuple[int, int]] = []
    if fm:
        code.append((0, fm.end()))
    quote_depth = 0
    item_first = False

    def add_block(first: int, last: int, kind: str, strip_marker: bool, setext: bool) -> None:
        start, end = _block_lines(lines, first, last)
        seg_lines = source[start:end].splitlines(keepends=True)
        out = []
        for k, line in enumerate(seg_lines):
            body = line.rstrip("\r\n")
            eol = line[len(body) :]
            if quote_depth:
                body = QUOTE_PREFIX.sub(_blank_match, body, count=1)
            if k == 0 and strip_marker:
                body = LIST_MARKER.sub(_blank_match, body, count=1)
            if kind == "heading":
                if setext and k == len(seg_lines) - 1 and SETEXT_UNDERLINE.match(body):
                    body = blank(body)
                elif not setext:
                    body = ATX_OPEN.sub(_blank_match, body, count=1)
                    body = ATX_CLOSE.sub(_blank_match, body, count=1)
            out.append(body + eol)
        seg = _blank_inline("".join(out), start, links, code)
        pieces.append((start, seg))
        lo, hi = trim(seg, 0, len(seg))
        if lo < hi:
            blocks.append(Block(start + lo, start + hi, kind, quote_depth > 0))

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "blockquote_open":
            quote_depth += 1
        elif tok.type == "blockquote_close":
            quote_depth -= 1
        elif tok.type == "list_item_open":
            item_first = True
        elif tok.type in ("paragraph_open", "heading_open") and tok.map:
            kind = "heading" if tok.type == "heading_open" else ("item" if item_first else "paragraph")
            setext = tok.type == "heading_open" and tok.markup in ("=", "-")
            add_block(tok.map[0], tok.map[1], kind, item_first, setext)
            item_first = False
        elif tok.type in ("fence", "code_block") and tok.map:
            start, end = _block_lines(lines, tok.map[0], tok.map[1])
            code.append((start, end))
            item_first = False
        elif tok.type == "table_open" and tok.map:
            _add_table(source, lines, tok.map, pieces, blocks, links, code, quote_depth > 0)
            while i < len(tokens) and tokens[i].type != "table_close":
                i += 1
        i += 1

    text = assemble(source, pieces)
    blocks.sort()
    return Document(
        source,
        text,
        path=path,
        format="markdown",
        blocks=blocks,
        comments=html_comments(source, code),
        links=links,
        front_matter=front_matter,
    )


def _add_table(source, lines, line_map, pieces, blocks, links, code, quoted) -> None:
    for n in range(line_map[0], line_map[1]):
        start, end = lines.line_span(n + 1)
        row = source[start:end]
        if n == line_map[0] + 1 and re.fullmatch(r"[\s|:\-]*", row):
            continue  # the delimiter row
        cell_start = start
        for m in re.finditer(r"(?<!\\)\||$", row):
            cell_end = start + m.start()
            seg = _blank_inline(source[cell_start:cell_end], cell_start, links, code)
            pieces.append((cell_start, seg))
            lo, hi = trim(seg, 0, len(seg))
            if lo < hi:
                blocks.append(Block(cell_start + lo, cell_start + hi, "cell", quoted))
            cell_start = start + m.end()
            if m.start() == len(row):
                break
