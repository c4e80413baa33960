"""Word tokens with a normal form (lowercase, straight apostrophe) and a lemma-like form."""

from __future__ import annotations

import re
from typing import NamedTuple

from rhetlint.text.inflect import irregular_lemmas

# What a parser puts after a character reference inside a word ("don&rsquo;t" -> "don’" + joiners + "t") so
# the prose keeps the file's offsets and the word stays whole; invisible, and dropped from normal forms.
WORD_JOINER = "\u2060"
# Invisible characters that may sit inside a word: the word joiner above, the soft hyphen (U+00AD, typed
# or from "&shy;", a hyphenation hint), and the zero-width space, non-joiner and joiner, the byte-order
# mark and the combining grapheme joiner, which would otherwise hide a word from every rule ("sla\u200bmmed").
JOINERS = "\u2060\u00ad\u200b\u200c\u200d\ufeff\u034f"
# Marks that join the parts of one word: apostrophes and hyphens (also U+2010 and the non-breaking U+2011).
WORD_MARKS = "'’-‐‑"
# Letters and digits joined by word marks ("so-called", "don't", "Bush’s") or joiners. No underscores, so
# Markdown emphasis like _word_ does not glue to the word. (Each joint is joiners then an optional mark, or
# a mark then joiners: one way to read any run, so long runs of joiners cost linear time.)
_J, _M = f"[{JOINERS}]", f"[{re.escape(WORD_MARKS)}]"
WORD = re.compile(rf"[^\W_]+(?:(?:{_J}+(?:{_M}{_J}*)?|{_M}{_J}*)[^\W_]+)*")
INVISIBLE = re.compile(_J)
# Variant apostrophes and hyphens, and what each is read as.
UNIFIED_MARKS = str.maketrans({"’": "'", "‐": "-", "‑": "-"})

_LEMMAS: dict[str, str] = {}


class Token(NamedTuple):
    start: int
    end: int
    text: str
    norm: str

    @property
    def lemma(self) -> str:
        return lemma(self.norm)


def normalise(word: str) -> str:
    """Lowercase and unify apostrophes and hyphens, so "Bush’s" and "bush's" look alike."""
    return unify_marks(word.lower())


def unify_marks(text: str) -> str:
    """Drop joiners and read variant apostrophes and hyphens as ' and -, keeping the case."""
    return visible(text).translate(UNIFIED_MARKS)


def visible(text: str) -> str:
    """Text without the invisible joiners a parser left inside words: for names and quotations shown to
    the user or compared with each other."""
    return INVISIBLE.sub("", text) if INVISIBLE.search(text) else text


def strip_possessive(norm: str) -> str:
    return norm[:-2] if norm.endswith("'s") else norm


def lemma(norm: str) -> str:
    """Return a lemma-like form: irregular verbs from the shipped table, else the Porter stem."""
    cached = _LEMMAS.get(norm)
    if cached is None:
        word = strip_possessive(norm)
        cached = irregular_lemmas().get(word)
        if cached is None:
            from rhetlint.text.nltk_glue import porter_stemmer

            cached = porter_stemmer().stem(word)
        if len(_LEMMAS) > 50_000:  # bounded like the memo of normal forms
            _LEMMAS.clear()
        _LEMMAS[norm] = cached
    return cached


# Memo of normal forms: news repeats its words, and normalising is most of tokenizing's cost.
_NORMS: dict[str, str] = {}


def tokenize(text: str) -> list[Token]:
    norms = _NORMS
    out: list[Token] = []
    append = out.append
    make = tuple.__new__  # skips the NamedTuple's Python-level __new__: tokenizing is a hot path
    for m in WORD.finditer(text):
        word = m.group()
        norm = norms.get(word)
        if norm is None:
            if len(norms) > 50_000:  # bound the memo: a long run over an archive meets ever more rare words
                norms.clear()
            norm = norms[word] = normalise(word)
        start, end = m.span()
        append(make(Token, (start, end, word, norm)))
    return out
