"""Find direct quotations: straight and curly double quotes, nested single quotes, block quotes.

A quotation's words belong to its speaker, not to the writer, so rules ask ``doc.in_quote(offset)`` before
blaming the writer for a loaded word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rhetlint.text.lines import BLANK_LINES
from rhetlint.text.tokens import JOINERS

# Double quotation marks: straight and curly, plus low-9 and guillemets used in some copy.
DOUBLE_MARKS = re.compile(r"[\"“”„«»]")
# Single quotation marks that can open or close a nested quotation.
SINGLE_MARKS = re.compile(r"['‘’]")
OPENERS = "“„«"
CLOSERS = "”»"
# Characters after which a straight quote opens rather than closes.
OPEN_CONTEXT = " \t\r\n([{—–-/:;,"
# Characters after which a straight double mark ends speech (not "*" or "_" of Markdown emphasis, nor a
# digit, as in 55" for inches).
SPEECH_END = ".,;:!?…—–-’')]"
# A curly closing single mark that is not an apostrophe inside a word ("don’t", "don’⁠⁠t").
CURLY_CLOSER = re.compile(rf"’(?![^\W_]|[{JOINERS}])")


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
        elif (
            mark != "‘"
            and (before.isalnum() or before in ".,!?")
            and not (after.isalnum() or after in JOINERS)
        ):
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
        close = CURLY_CLOSER.search(text, i + 1, hi)
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
    before = text[i - 1]
    if mark == '"' and (before.isalpha() or before in SPEECH_END):
        after = text[i + 1] if i + 1 < hi else " "
        if after.isspace() or after in ".,;:!?)" or not _is_opening(text, i, lo):
            return i  # 'close," she said' or 'close."': a mark after a word, before a space, closes
    return None


def _closing_line(text: str, blocks: list[tuple[int, int, bool]], index: int) -> int:
    """The index of the line after blocks[index] (no blank line between, no quotation mark of its own on
    the way) that closes a quotation, or -1: only then does an open quotation run on through the lines."""
    previous_end = blocks[index][1]
    for k in range(index + 1, len(blocks)):
        start, end, is_block_quote = blocks[k]
        if is_block_quote or BLANK_LINES.search(text, previous_end, start) is not None:
            return -1
        if DOUBLE_MARKS.search(text, start, end) is not None:
            return k if _continuation_closer(text, start, end) is not None else -1
        previous_end = end
    return -1


def find_quotes(text: str, blocks: list[tuple[int, int, bool]], continue_lines: bool = False) -> list[Quote]:
    """Find quotations block by block; ``blocks`` are (start, end, is_block_quote).

    With ``continue_lines`` (plain text typed one paragraph per line), a quotation left open at the end of a
    line runs on through the following lines, with no blank line between, up to the first one that closes it:
    ``"Taxes will rise.⏎Schools will close," she said.``"""
    quotes: list[Quote] = []
    pending = -1  # index in quotes of an unclosed quotation that may continue in the next paragraph
    closing_line = -1  # the block that closes the pending quotation, once looked up
    previous_end = 0
    for index, (start, end, is_block_quote) in enumerate(blocks):
        if is_block_quote:
            quotes.append(Quote(start, end, 1, "block", True))
            pending = -1
            continue
        lo = start
        if pending >= 0 and continue_lines and BLANK_LINES.search(text, previous_end, start) is None:
            opened = quotes[pending]
            closer = _continuation_closer(text, start, end)
            if closer is not None:
                quotes[pending] = Quote(opened.start, closer + 1, 1, "double", True)
                quotes.extend(Quote(a, b, 2, "single", True) for a, b in _nested_single(text, start, closer))
                pending, lo = -1, closer + 1
            elif index < closing_line or (
                DOUBLE_MARKS.search(text, start, end) is None
                and (closing_line := _closing_line(text, blocks, index)) > index
            ):
                # a line inside the quotation, with no mark of its own: the quotation runs on through it
                quotes[pending] = Quote(opened.start, end, 1, "double", False)
                quotes.extend(Quote(a, b, 2, "single", True) for a, b in _nested_single(text, start, end))
                previous_end = end
                continue
        previous_end = end
        doubles = _double_quotes(text, lo, end)
        for k, (q_start, q_end, closed) in enumerate(doubles):
            if pending >= 0 and k == 0 and not text[start:q_start].strip():
                # "A quotation that runs on ... / “ ... the next paragraph reopens it," she said.
                quotes[pending] = Quote(quotes[pending].start, q_end, 1, "double", closed)
                last_level1 = pending
                pending = -1
            else:
                quotes.append(Quote(q_start, q_end, 1, "double", closed))
                last_level1 = len(quotes) - 1
            inner_lo, inner_hi = q_start + 1, q_end - (1 if closed else 0)
            for s_start, s_end in _nested_single(text, inner_lo, inner_hi):
                quotes.append(Quote(s_start, s_end, 2, "single", True))
        pending = last_level1 if doubles and not doubles[-1][2] else -1
        if not doubles:
            quotes.extend(Quote(s, e, 1, "single", True) for s, e in _top_single(text, start, end))
    quotes.sort()
    return quotes
