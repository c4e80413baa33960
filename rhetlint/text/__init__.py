"""Text primitives below the document model: line breaks, tokens, sentences, quotations, inflection.

Everything here works on plain strings and offsets, so the model and the parsers can share it without
importing each other. The names in ``__all__`` are public API for plugins.
"""

from __future__ import annotations

from rhetlint.text.inflect import adverb_of, inflect_like, noun_forms, verb_forms
from rhetlint.text.lines import LineIndex
from rhetlint.text.quotes import Quote
from rhetlint.text.tokens import WORD, Token, normalise, strip_possessive, unify_marks

__all__ = [
    "WORD",
    "LineIndex",
    "Quote",
    "Token",
    "adverb_of",
    "inflect_like",
    "normalise",
    "noun_forms",
    "strip_possessive",
    "unify_marks",
    "verb_forms",
]
