"""Split prose into sentences with nltk's Punkt and parameters shipped with rhetlint.

No model is downloaded: the abbreviation list is ours (``data/abbreviations.txt``), so "Sen. Jane Doe of
N.C. said ..." stays one sentence on a machine without nltk data.
"""

from __future__ import annotations

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


def split_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text[start:end]``, relative to ``text``."""
    chunk = text[start:end]
    if not chunk.strip():
        return []
    return [(start + s, start + e) for s, e in tokenizer().span_tokenize(chunk)]
