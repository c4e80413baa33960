"""The driver: one pass over the sentences that hold a cue word, then colons, signatures and continued quotes.

A cheap scan of the tokens finds the few words that can start a cue (``CueLexicon.triggers``); only their
sentences are read closely, each cue word handing over to its reader (``verbs``, ``passives``, ``cues``).
This loop runs for every word of every document, so it binds what it reads to locals.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.cues import (
    quote_after_colon,
    read_according,
    read_colon_quote,
    read_phrase,
    read_signatures,
    read_speaker_colon,
)
from rhetlint.analysis.attribution.quotes import credit_continued_quotes
from rhetlint.analysis.attribution.reading import Reading
from rhetlint.analysis.attribution.verbs import read_verb

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.model import Attribution
    from rhetlint.model.document import Document, Sentence
    from rhetlint.text.tokens import Token

# How far into its sentence a headline's "Smith:" may end, in characters.
COLON_REACH = 80
# How many words before a colon may name the speaker of the quotation after it ("pollster Daron Shaw:").
SPEAKER_WORDS = 8


def find_attributions(doc: Document) -> list[Attribution]:
    """Return the document's attributions in text order."""
    r = Reading(doc)
    with_cues = _read_cues(r)
    _read_colons(r, with_cues)
    read_signatures(r)
    credit_continued_quotes(r)
    r.found.sort(key=lambda a: (a.cue or a.content or a.source).start)  # type: ignore[union-attr]
    return r.found


def _read_cues(r: Reading) -> set[int]:
    """Read every cue in the sentences that hold a cue word; return the indices of those where one was found."""
    lex = r.lex
    cues, phrases, triggers = lex.cues, lex.phrases, lex.triggers
    in_quote = r.quotes.contains
    closed_by_typo = r.quotes.closed_by_typo
    found = r.found
    with_cues: set[int] = set()
    for si, sent, toks, first in _cue_sentences(r.doc, triggers):
        before = len(found)
        consumed = -1  # tokens up to this index belong to an earlier cue
        for k in range(first, len(toks)):
            if k <= consumed:
                continue
            tok = toks[k]
            norm = tok.norm
            if norm not in triggers:
                continue
            entries = cues.get(norm)
            if entries is not None and in_quote(tok.start) and not closed_by_typo(sent, tok.start):
                continue  # a speaker's own report inside a quotation is their words, not the draft's sourcing
            if entries is not None:
                consumed = max(consumed, read_verb(r, sent, toks, k, entries))
            elif norm == "according" and k + 1 < len(toks) and toks[k + 1].norm == "to":
                consumed = max(consumed, read_according(r, toks, k))
            if norm in phrases:
                consumed = max(consumed, read_phrase(r, toks, k, phrases[norm]))
        if len(found) > before:
            with_cues.add(si)
    return with_cues


def _cue_sentences(
    doc: Document, triggers: frozenset[str]
) -> Iterator[tuple[int, Sentence, list[Token], int]]:
    """The sentences that hold a word that can start a cue: (sentence index, sentence, its tokens, the index
    of the first such word among them)."""
    tokens = doc.tokens
    sentences = doc.sentences
    sentence_index, token_index = doc.sentence_index, doc.token_index
    # one cheap pass finds the few tokens that can start a cue; only their sentences are read closely
    hits = [i for i, t in enumerate(tokens) if t.norm in triggers]
    done_sentence = -1
    for i in hits:
        start = tokens[i].start
        si = sentence_index(start)
        if si < 0 or si == done_sentence or start >= sentences[si].end:
            continue
        done_sentence = si
        sent = sentences[si]
        a = token_index(sent.start)
        yield si, sent, tokens[a : token_index(sent.end, a)], i - a


def _read_colons(r: Reading, with_cues: set[int]) -> None:
    """Headline attributions ("Smith: …") in sentences with no other cue."""
    doc = r.doc
    text, tokens, sentences = r.text, doc.tokens, doc.sentences
    colon = text.find(":")
    while colon >= 0:
        si = doc.sentence_index(colon)
        if si >= 0 and si not in with_cues and colon < sentences[si].end:
            sent = sentences[si]
            a = doc.token_index(sent.start)
            before = len(r.found)
            if colon - sent.start < COLON_REACH:
                b = doc.token_index(sent.end, a)
                if b > a:
                    read_colon_quote(r, sent, tokens[a:b])
                with_cues.add(si)
            if len(r.found) == before and quote_after_colon(r, colon) is not None:
                b = doc.token_index(colon, a)
                # the name before the colon is a few words: read no further back, however long the sentence
                if b > a and read_speaker_colon(r, tokens[max(a, b - SPEAKER_WORDS) : b], colon):
                    with_cues.add(si)
        colon = text.find(":", colon + 1)
