"""Find direct quotations: straight and curly double quotes, nested single quotes, block quotes.

A quotation's words belong to its speaker, not to the writer, so rules ask ``doc.in_quote(offset)`` before
blaming the writer for a loaded word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Double quotation marks: straight and curly, plus low-9 and guillemets used in some copy.
DOUBLE_MARKS = re.compile(r"[\"“”„«»]")
# Single quotation marks that can open or close a nested quotation.
SINGLE_MARKS = re.compile(r"['‘’]")
OPENERS = "“„«"
CLOSERS = "”»"
# Characters after which a straight quote opens rather than closes.
OPEN_CONTEXT = " \t\r\n([{—–-/:;,"
# A blank line: where a paragraph of plain text ends, as opposed to a line break inside one.
BLANK_LINE = re.compile(r"(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)")


class Quote(NamedTuple):
    start: int  # offset of the opening mark (or of the block)
    end: int  # offset after the closing mark (or the block end)
    level: int  # 1 for a quotation, 2 for a quotation inside one
    kind: str  # "double", "single" or "block"
    closed: bool  # False when the paragraph ended before a closing mark

    @property
    def inner_start(self) -> int:
        return self.start if self.kind == "block" else self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end if self.kind == "block" or not self.closed else self.end - 1


def _is_opening(text: str, i: int, lo: int) -> bool:
    return i == lo or text[i - 1] in OPEN_CONTEXT


def _double_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """Return (start, end, closed) of double-quoted stretches in text[lo:hi]."""
    found: list[tuple[int, int, bool]] = []
    open_at = -1
    for m in DOUBLE_MARKS.finditer(text, lo, hi):
        i, mark = m.start(), m.group()
        if open_at < 0:
            if mark in CLOSERS:
                continue  # a stray closer (e.g. the end of a quote begun in an earlier paragraph)
            if mark == '"' and (not _is_opening(text, i, lo) and text[i - 1].isdigit()):
                continue  # inches: 6'2"
            if mark == '"' and i + 1 < hi and text[i + 1] in " \t\r\n" and not _is_opening(text, i, lo):
                continue  # a closer with no opener
            open_at = i
        else:
            if mark in OPENERS and i > open_at + 1:
                # a new opener before any closer: the previous quote was left open by a typo; restart
                found.append((open_at, i, False))
                open_at = i
                continue
            found.append((open_at, i + 1, True))
            open_at = -1
    if open_at >= 0:
        end = hi
        while end > open_at + 1 and text[end - 1] in " \t\r\n":
            end -= 1
        found.append((open_at, end, False))
    return found


def _nested_single(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Return single-quoted stretches inside text[lo:hi] (the inside of a double quotation)."""
    found = []
    open_at = -1
    for m in SINGLE_MARKS.finditer(text, lo, hi):
        i, mark = m.start(), m.group()
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        if open_at < 0:
            if mark != "’" and before in OPEN_CONTEXT and after.isalnum():
                open_at = i
        elif mark != "‘" and (before.isalnum() or before in ".,!?") and not after.isalnum():
            found.append((open_at, i + 1))
            open_at = -1
    return found


def _top_single(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Single quotes used as primary quotation marks: only a curly opener ‘ is trusted (’ is an apostrophe)."""
    found = []
    for m in re.finditer(r"‘", text[lo:hi]):
        i = lo + m.start()
        if i > lo and text[i - 1] not in OPEN_CONTEXT:
            continue
        close = re.compile(r"’(?![^\W_])").search(text, i + 1, hi)
        if close:
            found.append((i, close.end()))
    return found


def _continuation_closer(text: str, lo: int, hi: int) -> int | None:
    """The closing mark that ends, in this line, a quotation opened on an earlier line with no blank line
    between: the line's first double mark, when it closes rather than opens."""
    m = DOUBLE_MARKS.search(text, lo, hi)
    if m is None or m.start() == lo:
        return None
    i, mark = m.start(), m.group()
    if mark in CLOSERS:
        return i
    if mark == '"' and not text[i - 1].isspace():
        after = text[i + 1] if i + 1 < hi else " "
        if after.isspace() or after in ".,;:!?)" or not _is_opening(text, i, lo):
            return i  # 'close," she said' or 'close."': a mark after a word, before a space, closes
    return None


def find_quotes(text: str, blocks: list[tuple[int, int, bool]]) -> list[Quote]:
    """Find quotations block by block; ``blocks`` are (start, end, is_block_quote)."""
    quotes: list[Quote] = []
    pending: Quote | None = None  # an unclosed quotation that may continue in the next paragraph
    previous_end = 0
    for start, end, is_block_quote in blocks:
        if is_block_quote:
            quotes.append(Quote(start, end, 1, "block", True))
            pending = None
            continue
        lo = start
        if pending is not None and BLANK_LINE.search(text, previous_end, start) is None:
            closer = _continuation_closer(text, start, end)
            if closer is not None:
                # Lines typed one paragraph each: "Taxes will rise.\nSchools will close," she said.
                quotes[quotes.index(pending)] = Quote(pending.start, closer + 1, 1, "double", True)
                quotes.extend(Quote(a, b, 2, "single", True) for a, b in _nested_single(text, start, closer))
                pending, lo = None, closer + 1
        previous_end = end
        doubles = _double_quotes(text, lo, end)
        for k, (q_start, q_end, closed) in enumerate(doubles):
            if pending is not None and k == 0 and not text[start:q_start].strip():
                # "A quotation that runs on ... / “ ... the next paragraph reopens it," she said.
                quotes[quotes.index(pending)] = Quote(pending.start, q_end, 1, "double", closed)
                pending = None
            else:
                quotes.append(Quote(q_start, q_end, 1, "double", closed))
            inner_lo, inner_hi = q_start + 1, q_end - (1 if closed else 0)
            for s_start, s_end in _nested_single(text, inner_lo, inner_hi):
                quotes.append(Quote(s_start, s_end, 2, "single", True))
        if pending is not None:
            pending = None
        if doubles and not doubles[-1][2]:
            last = doubles[-1]
            pending = next(q for q in reversed(quotes) if q.level == 1 and q.end >= last[1])
        if not doubles:
            quotes.extend(Quote(s, e, 1, "single", True) for s, e in _top_single(text, start, end))
    quotes.sort()
    return quotes
