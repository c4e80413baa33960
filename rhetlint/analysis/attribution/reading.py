"""One document as the attribution stages read it: the state they share.

The stages are functions over this object rather than methods of one large class, so each stage's module
shows what it reads. What changes as the pass goes on is kept here: the attributions found so far (a
participle clause may share its subject with one) and, in ``names``, the sources met so far (a pronoun, role
or surname may refer back to one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.coreference import Coreference
from rhetlint.analysis.attribution.lexicon import lexicon
from rhetlint.analysis.attribution.model import Attribution, SpeakerGuess
from rhetlint.analysis.attribution.quotes import QuoteIndex
from rhetlint.analysis.wordlists import word_set
from rhetlint.model.document import Span
from rhetlint.text.tokens import visible

if TYPE_CHECKING:
    from rhetlint.model.document import Document
    from rhetlint.text.tokens import Token


class Reading:
    """The document, its quotations, the sources met so far and the attributions found so far."""

    __slots__ = ("doc", "text", "lex", "quotes", "names", "found", "title_surnames")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lexicon()
        self.quotes = QuoteIndex(doc)
        self.names = Coreference(self.text, self.lex)
        self.found: list[Attribution] = []
        self.title_surnames = title_surnames(doc, self.lex.titles)

    def span(self, start: int, end: int) -> Span:
        """A span as attributions carry it: with the words as a reader sees them (entities decoded)."""
        return Span(start, end, visible(self.text[start:end]))

    def tok_span(self, toks: list[Token], s: int, e: int) -> Span:
        """The span of tokens s to e-1."""
        start, end = toks[s].start, toks[e - 1].end
        return Span(start, end, visible(self.text[start:end]))

    def record(
        self,
        kind: str,
        cue: Span | None,
        source: Span | None,
        content: Span | None,
        guess: SpeakerGuess,
        cls: str,
    ) -> None:
        """Add an attribution, and remember its source for the mentions after it."""
        if guess.speaker and visible(guess.speaker) != guess.speaker:
            guess = guess._replace(
                speaker=visible(guess.speaker)
            )  # "O&rsquo;Brien" and "O’Brien" are one name
        self.found.append(
            Attribution(
                kind,
                cue,
                source,
                content,
                guess.type,
                guess.speaker,
                cls,
                guess.head,
                guess.roles,
                guess.resolved,
            )
        )
        if source is not None:
            self.names.remember(source.start, guess)


def title_surnames(doc: Document, titles: frozenset[str]) -> frozenset[str]:
    """Title words the document uses as surnames ("Rep. Peter King", "Larry Judge"): a capitalised title word
    right after a given name. Elsewhere in the document that word names the person too ("Mr. King said"),
    while a title before a name ("King Abdullah") stays a title."""
    given = word_set("given_names")
    found = set()
    tokens = doc.tokens
    for k in [k for k, token in enumerate(tokens) if token.norm in titles]:
        token, prev = tokens[k], tokens[k - 1]
        if (
            k > 0
            and token.text[:1].isupper()
            and prev.norm in given
            and prev.norm not in titles
            and prev.text[:1].isupper()
            and token.start - prev.end == 1
        ):
            found.add(token.norm)
    return frozenset(found)
