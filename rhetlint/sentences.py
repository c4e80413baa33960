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
    from rhetlint._nltk import punkt

    return punkt()


# Sentence-final punctuation (with closing quotes or brackets) followed by white space: the only place Punkt
# can break a sentence. A paragraph without one inside it is a single sentence and skips Punkt entirely.
POSSIBLE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")


def split_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text[start:end]``, relative to ``text``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    if POSSIBLE_BREAK.search(chunk) is None:
        lead = len(chunk) - len(chunk.lstrip())
        return [(start + lead, start + lead + len(stripped))]
    return [(start + s, start + e) for s, e in tokenizer().span_tokenize(chunk)]
