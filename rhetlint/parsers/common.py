"""What the parsers share: blanking non-prose, comments, front matter and character references."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from rhetlint.model.document import Comment
from rhetlint.text.tokens import WORD_JOINER, WORD_MARKS

# Anything but a line break: what blanking replaces with a space.
NOT_NEWLINE = re.compile(r"[^\r\n]")
# YAML front matter between --- lines at the very top of a Markdown file.
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?=\r?\n|\Z)", re.S)
# An HTML comment; suppression directives are written as comments.
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def blank(s: str) -> str:
    return NOT_NEWLINE.sub(" ", s)


def assemble(source: str, pieces: list[tuple[int, str]]) -> str:
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


def html_comments(source: str, skip: Sequence[tuple[int, int]] = ()) -> list[Comment]:
    out = []
    for m in HTML_COMMENT.finditer(source):
        if not any(s <= m.start() < e for s, e in skip):
            out.append(Comment(m.start(), m.end(), m.group(1)))
    return out


def gaps(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for s, e in sorted(spans):
        if s > pos:
            gaps.append((pos, s))
        pos = max(pos, e)
    if pos < length:
        gaps.append((pos, length))
    return gaps


# Characters that end a line for str.splitlines (and CR and LF for every line count in rhetlint).
LINE_BREAKING = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# A character reference: named, decimal or hexadecimal.
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def entity_text(raw: str, before: str = " ", after: str = " ") -> str:
    """An entity or character reference as prose of the same length: its character, then spaces, or word
    joiners when it sits inside a word (``before`` and ``after`` are the characters around it, decoded)."""
    decoded = html.unescape(raw)
    if len(decoded) != 1 or decoded in LINE_BREAKING:
        # a reference to a line break ("&#10;") separates words as a space does; decoded, it would give the
        # prose a line break that the file does not have
        return " " * len(raw)
    if decoded == "\u00ad":  # a soft hyphen: a hyphenation hint, not a break between words
        return decoded * len(raw)
    joins_next = after.isalnum() or after in WORD_MARKS
    inside_word = joins_next and (decoded.isalnum() or (decoded in WORD_MARKS and before.isalnum()))
    return decoded + (WORD_JOINER if inside_word else " ") * (len(raw) - 1)


# A character reference that ends where another begins ("caf&eacute;&rsquo;s").
ENTITY_BEFORE = re.compile(ENTITY.pattern + r"\Z")


def decoded_around(text: str, start: int, end: int) -> tuple[str, str]:
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


def entity_in(text: str, m: re.Match[str]) -> str:
    return entity_text(m.group(), *decoded_around(text, m.start(), m.end()))
