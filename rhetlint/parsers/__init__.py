"""Built-in document parsers: plain text, Markdown and HTML.

Each parser keeps the prose where it is and blanks everything else (code, markup, link targets, URLs,
comments, front matter) with spaces, keeping line breaks, so offsets in ``doc.text`` are file offsets.
They are registered as an essential plugin; a plugin can take over a format with ``rhetlint_parse_document``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any

from rhetlint.hooks.specs import hookimpl
from rhetlint.model.document import (
    IGNORED_LINE,
    Block,
    Comment,
    Document,
    Link,
    _plain_blocks,
    register_parser,
    trim,
)
from rhetlint.text.lines import LineIndex
from rhetlint.text.tokens import WORD_JOINER, WORD_MARKS

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx", ".qmd", ".rmd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FORMATS = ("text", "markdown", "html")

# Anything but a line break: what blanking replaces with a space.
NOT_NEWLINE = re.compile(r"[^\r\n]")
# YAML front matter between --- lines at the very top of a Markdown file.
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?=\r?\n|\Z)", re.S)
# An HTML comment; suppression directives are written as comments.
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# A plain-text directive line: "# rhetlint-disable NAME", "// rhetlint-…" or "% rhetlint-…".
TEXT_DIRECTIVE = re.compile(r"^[ \t]*(?:#|//|%)[ \t]*(rhetlint-[^\r\n]*)(?=\r|$)", re.M)


def guess_format(path: str | None) -> str:
    suffix = PurePath(path).suffix.lower() if path else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def parse(source: str, path: str | None = None, format: str | None = None) -> Document:
    format = format or guess_format(path)
    if format == "markdown":
        return parse_markdown(source, path)
    if format == "html":
        return parse_html(source, path)
    if format == "text":
        return parse_text(source, path)
    raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")


def blank(s: str) -> str:
    return NOT_NEWLINE.sub(" ", s)


def _assemble(source: str, pieces: list[tuple[int, str]]) -> str:
    """Join prose pieces (start, same-length text) with blanked filler between them."""
    out = []
    pos = 0
    for start, piece in sorted(pieces):
        if start < pos:
            continue
        out.append(blank(source[pos:start]))
        out.append(piece)
        pos = start + len(piece)
    out.append(blank(source[pos:]))
    return "".join(out)


def parse_front_matter(body: str) -> dict[str, Any]:
    """Read the simple YAML people put in front matter: scalars, inline lists, dash lists, and one level of
    nested tables (``sides:`` with ``israel: [Israel, Israeli]`` under it)."""
    data: dict[str, Any] = {}
    key = None  # the top-level key being filled
    sub = None  # the nested key being filled, when ``data[key]`` is a table
    for raw in body.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indented = line[:1] in " \t"
        item = re.match(r"^\s+-\s*(.*)$", line)
        if item and key is not None:
            target, name = (data[key], sub) if sub is not None else (data, key)
            if not isinstance(target.get(name), list):
                target[name] = []
            target[name].append(_scalar(item.group(1)))
            continue
        pair = re.match(r"^\s*([A-Za-z0-9_\-]+)\s*:\s*(.*)$", line)
        if not pair:
            continue
        name, value = pair.group(1), pair.group(2)
        if indented and key is not None and (data.get(key) is None or isinstance(data.get(key), dict)):
            if data.get(key) is None:
                data[key] = {}
            data[key][name] = _scalar(value) if value else None
            sub = name
            continue
        key, sub = name, None
        data[key] = _scalar(value) if value else None
    return data


def _scalar(value: str) -> Any:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    lowered = value.lower()
    if lowered in ("true", "yes"):
        return True
    if lowered in ("false", "no"):
        return False
    return value


def _comments(source: str, skip: Sequence[tuple[int, int]] = ()) -> list[Comment]:
    out = []
    for m in HTML_COMMENT.finditer(source):
        if not any(s <= m.start() < e for s, e in skip):
            out.append(Comment(m.start(), m.end(), m.group(1)))
    return out


# --- plain text ------------------------------------------------------------------------------------
def parse_text(source: str, path: str | None = None) -> Document:
    comments = _comments(source)
    directives = list(TEXT_DIRECTIVE.finditer(source))
    comments += [Comment(m.start(1), m.end(1), m.group(1)) for m in directives]
    comments.sort()
    text = source
    if comments:
        # Hide the comments and the whole directive lines (the "#", "//" or "%" marker too).
        hidden = [(c.start, c.end) for c in comments] + [(m.start(), m.end()) for m in directives]
        text = _assemble(source, [(e, source[e:s]) for e, s in _gaps(hidden, len(source))])
    blocks = _plain_blocks(text)
    if directives:
        # A directive line sits inside a paragraph ("disable the next line"): it must not split it.
        pieces, pos = [], 0
        for m in directives:
            pieces += [text[pos : m.start()], IGNORED_LINE * (m.end() - m.start())]
            pos = m.end()
        layout = "".join(pieces) + text[pos:]
        blocks = [b for b in (_trim(text, blk) for blk in _plain_blocks(layout)) if b is not None]
    if len(blocks) > 1 and _looks_like_headline(text[blocks[0].start : blocks[0].end]):
        blocks[0] = blocks[0]._replace(kind="heading")
    return Document(source, text, path=path, format="text", blocks=blocks, comments=comments)


def _trim(text: str, block: Block) -> Block | None:
    start, end = trim(text, block.start, block.end)
    return block._replace(start=start, end=end) if start < end else None


def _looks_like_headline(first: str) -> bool:
    """A plain-text draft's first paragraph is its headline when it is one short line without a full stop."""
    return "\n" not in first and "\r" not in first and len(first.split()) <= 25 and first[-1:] not in ".,;:!?\"”"


def _gaps(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for s, e in sorted(spans):
        if s > pos:
            gaps.append((pos, s))
        pos = max(pos, e)
    if pos < length:
        gaps.append((pos, length))
    return gaps


# --- Markdown --------------------------------------------------------------------------------------
@cache
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


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
INLINE_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
# [text][ref] and [text][]
REFERENCE_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\]\n]*)\]")
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
BARE_URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"“”]*[^\s<>\"“”.,;:!?)\]'’]")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def _entity_text(raw: str, before: str = " ", after: str = " ") -> str:
    """An entity or character reference as prose of the same length: its character, then spaces, or word
    joiners when it sits inside a word (``before`` and ``after`` are the characters around it, decoded)."""
    decoded = html.unescape(raw)
    if len(decoded) != 1:
        return " " * len(raw)
    if decoded == "\u00ad":  # a soft hyphen: a hyphenation hint, not a break between words
        return decoded * len(raw)
    joins_next = after.isalnum() or after in WORD_MARKS
    inside_word = joins_next and (decoded.isalnum() or (decoded in WORD_MARKS and before.isalnum()))
    return decoded + (WORD_JOINER if inside_word else " ") * (len(raw) - 1)


# A character reference that ends where another begins ("caf&eacute;&rsquo;s").
ENTITY_BEFORE = re.compile(ENTITY.pattern + r"\Z")


def _decoded_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before ``start`` and at ``end``, reading a neighbouring reference as its character."""
    before = text[start - 1] if start else " "
    if before == ";":
        m = ENTITY_BEFORE.search(text[max(0, start - 42) : start])
        if m:
            before = html.unescape(m.group())[:1] or " "
    after = text[end] if end < len(text) else " "
    if after == "&":
        m = ENTITY.match(text, end)
        if m:
            after = html.unescape(m.group())[:1] or " "
    return before, after


def _entity_in(text: str, m: re.Match[str]) -> str:
    return _entity_text(m.group(), *_decoded_around(text, m.start(), m.end()))


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
    seg = ENTITY.sub(lambda m: _entity_in(seg, m), seg)
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

    text = _assemble(source, pieces)
    blocks.sort()
    return Document(
        source,
        text,
        path=path,
        format="markdown",
        blocks=blocks,
        comments=_comments(source, code),
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


# --- HTML ------------------------------------------------------------------------------------------
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
            end = self.source.find(">", start) + 1
            self.open_a.append((end, href))

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
        self.put(start, _entity_text(self.source[start:raw_end], *_decoded_around(self.source, start, raw_end)))

    def handle_charref(self, name: str) -> None:
        self.handle_entityref("#" + name)

    def handle_comment(self, data: str) -> None:
        start = self.source_offset()
        self.comments.append(Comment(start, start + len(data) + 7, data))


def parse_html(source: str, path: str | None = None) -> Document:
    extractor = _HTMLExtractor(source)
    extractor.feed(source)
    extractor.close()
    extractor.end_block()
    text = _assemble(source, extractor.pieces)
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


@hookimpl(trylast=True)
def rhetlint_parse_document(path: str | None, source: str, format: str | None) -> Document:
    return parse(source, path=path, format=format)


register_parser(lambda source, path, format: parse(source, path=path, format=format))
