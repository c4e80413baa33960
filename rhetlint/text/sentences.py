"""Split prose into sentences with nltk's Punkt and parameters shipped with rhetlint.

No model is downloaded: the abbreviation list is ours (``data/abbreviations.txt``), so "Sen. Jane Doe of
N.C. said ..." stays one sentence on a machine without nltk data.
"""

from __future__ import annotations

import re
import string
from functools import cache
from importlib import resources
from typing import Any

from rhetlint.text.lines import LINE_BREAK


@cache
def abbreviations() -> frozenset[str]:
    text = resources.files("rhetlint.data").joinpath("abbreviations.txt").read_text("utf-8")
    words = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    words.update(string.ascii_lowercase)  # initials: "J. R. Smith"
    return frozenset(words)


@cache
def tokenizer() -> Any:
    punkt = _punkt()
    params = punkt.PunktParameters()
    params.abbrev_types = set(abbreviations())
    return punkt.PunktSentenceTokenizer(params)


def _punkt() -> Any:
    from rhetlint.text.nltk_glue import punkt

    return punkt()


# Sentence-final punctuation (with closing quotes or brackets) followed by white space: the only place Punkt
# can break a sentence. A paragraph without one inside it is a single sentence and skips Punkt entirely.
POSSIBLE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")


# No real sentence is this long: a longer run (a list or a verse with no full stops) is cut at line breaks,
# or else at spaces, so that work done per sentence stays bounded.
MAX_SENTENCE = 3000


def split_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text[start:end]``, relative to ``text``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    if POSSIBLE_BREAK.search(chunk) is None:
        lead = len(chunk) - len(chunk.lstrip())
        spans = [(start + lead, start + lead + len(stripped))]
    else:
        spans = [(start + s, start + e) for s, e in tokenizer().span_tokenize(chunk)]
    if any(e - s > MAX_SENTENCE for s, e in spans):
        spans = [piece for s, e in spans for piece in _cut(text, s, e)]
    return spans


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong sentence into pieces of at most MAX_SENTENCE characters, at line breaks or spaces."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        breaks = [m.end() for m in LINE_BREAK.finditer(text, start + MAX_SENTENCE // 2, limit)]
        cut = breaks[-1] if breaks else text.rfind(" ", start + MAX_SENTENCE // 2, limit) + 1 or limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces
