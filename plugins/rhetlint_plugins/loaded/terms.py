"""Lexicon entries as patterns, found in a document by the shared phrase matcher in one pass.

Each entry's phrases become patterns of plain words (a lexicon has no pattern language): verbs and nouns in
every inflected form, a one-word adjective's -ly adverb, and the entry's extra forms. The hits for a document
are computed once and shared by every loaded-language rule.
"""

from __future__ import annotations

from functools import cache
from weakref import WeakKeyDictionary

from rhetlint import Document
from rhetlint.rules.data import Hit, Neighbours, Pattern, PhraseMatcher, Position, inflected, literals
from rhetlint.text import adverb_of
from rhetlint_plugins.loaded.guards import reads_as_loaded
from rhetlint_plugins.loaded.lexicon import Entry, Lexicon


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("’", "'").split())


def patterns(entry: Entry) -> list[Pattern[Entry]]:
    """Every surface form of an entry's phrases, each standing for the entry."""
    neighbours = (
        Neighbours(entry.not_after, entry.not_before, entry.only_before)
        if entry.not_after or entry.not_before or entry.only_before
        else None
    )
    pos, head = entry.pos, entry.head
    out: list[Pattern[Entry]] = []
    for phrase in entry.match:
        words = _words(phrase)
        if not words:
            continue
        surfaces: list[tuple[str, tuple[Position, ...]]] = [("as-written", words)]  # (form, words)
        if pos in ("verb", "noun") and 1 <= head <= len(words):
            surfaces = inflected(words, head - 1, pos)
        if pos == "adj" and entry.adverb and len(words) == 1:
            adverb = adverb_of(words[0])
            if adverb:
                surfaces.append(("adverb", (adverb,)))
        for extra in entry.forms:
            if extra_words := _words(extra):
                surfaces.append(("as-written", extra_words))
        for form, forms in surfaces:
            # a single capitalised word may be a name, and a verb's base or -s form a noun
            maybe_not = len(forms) == 1 or (pos == "verb" and form in ("base", "3sg"))
            guard = reads_as_loaded if maybe_not else None
            out.append(
                Pattern(
                    forms,
                    ("",) * (len(forms) - 1),
                    phrase,
                    form,
                    None,
                    "",
                    "",
                    neighbours,
                    guard,
                    meaning=entry,
                )
            )
    return out


@cache
def matcher(lexicon: Lexicon) -> PhraseMatcher[Entry]:
    """The matcher of every entry's surfaces, built once per lexicon."""
    listed: list[Pattern[Entry]] = []
    adverbs: list[Pattern[Entry]] = []
    for entry in lexicon.entries.values():
        for pattern in patterns(entry):
            (adverbs if pattern.form == "adverb" else listed).append(pattern)
    single = {word for p in listed if len(p.words) == 1 for word in literals(p.words[0])}
    for pattern in adverbs:  # a word listed in its own right keeps its own entry, or stays switched off
        [word] = literals(pattern.words[0])
        if word not in single and word not in lexicon.disabled:
            single.add(word)
            listed.append(pattern)
    return PhraseMatcher(listed)


_HITS: WeakKeyDictionary[Document, dict[int, list[Hit[Entry]]]] = WeakKeyDictionary()


def lexicon_hits(doc: Document, lexicon: Lexicon) -> list[Hit[Entry]]:
    """The lexicon's matches in ``doc``, found once for all the rules that read them."""
    per_doc = _HITS.setdefault(doc, {})
    key = id(lexicon)
    if key not in per_doc:
        per_doc[key] = matcher(lexicon).find(doc)
    return per_doc[key]


def hits_for_rule(hits: list[Hit[Entry]], rule: str) -> list[Hit[Entry]]:
    return [h for h in hits if h.pattern.meaning.rule == rule]
