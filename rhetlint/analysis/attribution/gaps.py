"""The punctuation between two tokens: where a noun phrase or clause ends.

No parser is involved, so commas, dashes, brackets and quotation marks between words are the analysis's
phrase boundaries. These functions are called for nearly every word near a cue, so they stay small and
take the text rather than an object.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rhetlint.text.tokens import Token

# Punctuation between two words that ends a noun phrase: commas, quotes, brackets, colons, dashes.
HARD_GAP = re.compile(r"[,;:\"“”„«»()\[\]—–!?]|['‘’](?=\s|$)|(?<=\s)['‘’]|\s-+\s|--")
# A dash between words used as a parenthesis: " - ", " -- ", "—", " – ".
DASH_GAP = re.compile(r"\s-{1,2}\s|[—–]")


def gap(text: str, toks: list[Token], i: int) -> str:
    """Text between token i-1 and token i."""
    return text[toks[i - 1].end : toks[i].start] if i > 0 else ""


def hard_gap(text: str, toks: list[Token], i: int) -> bool:
    """Whether punctuation that ends a noun phrase stands between token i-1 and token i."""
    if i <= 0:
        return False
    a, b = toks[i - 1].end, toks[i].start
    if b - a == 1 and text[a] == " ":
        return False  # the common case: one space
    return b > a and HARD_GAP.search(text[a:b]) is not None


def comma_gap(text: str, toks: list[Token], i: int) -> bool:
    """A comma, or a dash used like one ("economists - including some at the Fed - warn")."""
    if i <= 0:
        return False
    between = gap(text, toks, i)
    return "," in between or DASH_GAP.search(between) is not None


def skip_brackets(text: str, toks: list[Token], j: int) -> int:
    """Step left over a bracketed aside ending at token j: "Sen. Claire McCaskill (D-Mo.) said"."""
    if j < 0 or j + 1 >= len(toks) or ")" not in gap(text, toks, j + 1):
        return j
    for m in range(j, max(-1, j - 8), -1):
        if "(" in gap(text, toks, m):
            return m - 1
    return j
