"""Lexicon entries as patterns, found in a document by the shared phrase matcher in one pass.

Each entry's phrases become patterns: plain words, ``a|b`` alternatives (a filled ``{slot}`` is one) and
``*``; verbs and nouns in every inflected form of their head word, a one-word adjective's -ly adverb, and the
entry's extra forms. All of them go into one phrase index, so a document is read once however many figures
the lexicons hold. The hits for a document are computed once and shared by every loaded-language rule.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rhetlint import Document
from rhetlint.rules.data import (
    Guard,
    Hit,
    Neighbours,
    Pattern,
    PhraseMatcher,
    Position,
    Word,
    inflected,
    literals,
)
from rhetlint.text import adverb_of
from rhetlint_plugins.loaded.guards import (
    literal_sense,
    quoted_as_term,
    reads_as_loaded,
    reads_as_loaded_figure,
)
from rhetlint_plugins.loaded.lexicon import Entry, Lexicon

ANY_WORD = Word(any=True)


def _words(phrase: str) -> tuple[Position, ...]:
    """A lexicon phrase as pattern positions: a plain word, ``a|b`` alternatives, or ``*``."""
    out: list[Position] = []
    for word in phrase.lower().replace("’", "'").split():
        if word == "*":
            out.append(ANY_WORD)
        elif "|" in word:
            options = frozenset(word.split("|"))
            out.append(next(iter(options)) if len(options) == 1 else Word(options))
        else:
            out.append(word)
    return tuple(out)


def _guard(entry: Entry, maybe_not: bool) -> Guard | None:
    """The matcher's last say for one surface: noun-or-name checks, the literal-sense check, or both."""
    if entry.literal_near:
        return reads_as_loaded_figure if maybe_not else literal_sense
    return reads_as_loaded if maybe_not else None


def patterns(entry: Entry) -> list[Pattern[Entry]]:
    """Every surface form of an entry's phrases, each standing for the entry."""
    neighbours = (
        Neighbours(entry.not_after, entry.not_before, entry.only_before)
        if entry.not_after or entry.not_before or entry.only_before
        else None
    )
    pos, head = entry.pos, entry.head
    out: list[Pattern[Entry]] = []
    for phrase in entry.phrases:
        words = _words(phrase)
        if not words:
            continue
        surfaces: list[tuple[str, tuple[Position, ...]]] = [("as-written", words)]  # (form, words)
        if pos in ("verb", "noun") and 1 <= head <= len(words):
            surfaces = inflected(words, head - 1, pos)
        if pos == "adj" and entry.adverb and len(words) == 1 and isinstance(words[0], str):
            adverb = adverb_of(words[0])
            if adverb:
                surfaces.append(("adverb", (adverb,)))
        for extra in entry.forms:
            if extra_words := _words(extra):
                surfaces.append(("as-written", extra_words))
        for form, forms in surfaces:
            # a single capitalised word may be a name, and a verb's base or -s form a noun
            maybe_not = len(forms) == 1 or (pos == "verb" and form in ("base", "3sg"))
            guard = _guard(entry, maybe_not)
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


def matcher(lexicon: Lexicon) -> PhraseMatcher[Entry]:
    """The matcher of every entry's surfaces, built once per lexicon and kept with it (the built-in lexicon
    comes with its matcher from the cache)."""
    if lexicon.matcher is None:
        lexicon.matcher = _build_matcher(lexicon)
    return lexicon.matcher


def _build_matcher(lexicon: Lexicon) -> PhraseMatcher[Entry]:
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


# Per document and lexicon: (entry key, block index) -> where the story first quotes that term in that block.
QuotedTerms = dict[tuple[tuple[str, str], int], int]
_QUOTED: WeakKeyDictionary[Document, dict[int, QuotedTerms]] = WeakKeyDictionary()


def quoted_terms(doc: Document, lexicon: Lexicon) -> QuotedTerms:
    """Each entry the story quotes as someone's term (Critics call it a "scheme"), with where it first does in
    each paragraph: from there to the paragraph's end the term is theirs, since the story has said whose word
    it is. Kept to the paragraph, so a paragraph's findings depend on that paragraph alone (the rules' scope,
    which editors rely on to re-lint only the paragraphs that changed)."""
    per_doc = _QUOTED.setdefault(doc, {})
    key = id(lexicon)
    if key not in per_doc:
        first: QuotedTerms = {}
        for hit in lexicon_hits(doc, lexicon):
            where = (hit.pattern.meaning.key, doc.block_index(hit.start))
            if where not in first and quoted_as_term(doc, hit.start, hit.end):
                first[where] = hit.start
        per_doc[key] = first
    return per_doc[key]


def hits_for_rule(hits: list[Hit[Entry]], rule: str) -> list[Hit[Entry]]:
    return [h for h in hits if h.pattern.meaning.rule == rule]
