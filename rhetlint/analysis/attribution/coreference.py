"""Coreference: which earlier source a pronoun, bare role, surname or follow-up mention refers to.

"He said", "the spokesman added", "Ruiz said" and "the officials said" name nobody by themselves; a reader
takes them to mean the last fitting source named nearby, and so does the analysis. The memory kept here
grows in text order as attributions are recorded, so a mention only ever refers back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from rhetlint.analysis.attribution.grammar import (
    DEFINITE,
    PRONOUNS,
    bare,
    strip_possessive,
)
from rhetlint.analysis.attribution.model import SpeakerGuess

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.lexicon import CueLexicon
    from rhetlint.text.tokens import Token

# A run of letters and digits after a space (a word a surname lookup may start at), and at a word's start.
_SPACED_RUN = re.compile(r" ([^\W_]+)")
_LEADING_RUN = re.compile(r"[^\W_]+")
# How many surnames a document looks up with a search of its text each before its words are indexed.
SCANNED_SURNAMES = 16
# How far after where a source was met its name may start ("US President Donald Trump").
QUALIFIER_REACH = 80
WINDOW = 2500  # characters back that "he said" / "the spokesman added" may reach for an antecedent


class Antecedent(NamedTuple):
    """A source met earlier in the text that a later mention may refer back to."""

    offset: int
    speaker: str
    type: str
    roles: frozenset[str]
    plural: bool
    head: str = ""


class Coreference:
    """The sources met so far in one document, and the names the text introduces."""

    def __init__(self, text: str, lex: CueLexicon) -> None:
        self.text = text
        self.lex = lex
        self.recent: list[Antecedent] = []
        self.surnames: dict[str, str] = {}  # surname -> full name of a source seen so far
        self.full_names: dict[str, tuple[str | None, int]] = {}  # surname -> first "First Last" in the text
        self.roles: dict[str, set[str]] = {}  # speaker -> every role the text has given them
        self._scans = 0  # surnames looked up by searching the text (see _full_name)
        self.qualifiers: dict[str, set[str]] = {}  # speaker -> words given before their name ("US")

    # --- memory ----------------------------------------------------------------------------------------
    def remember(self, offset: int, guess: SpeakerGuess) -> None:
        """Keep a recorded source at ``offset`` for later mentions: a named one with its roles so far, an
        unnamed group by its head word ("the people" after "two people familiar with …")."""
        if guess.speaker and guess.type != "none":
            roles = self.roles.setdefault(guess.speaker, set())
            roles.update(guess.roles)
            if guess.type == "named-person" and not guess.resolved:
                self.qualifiers.setdefault(guess.speaker, set()).update(
                    self._qualifiers_at(offset, guess.speaker)
                )
            self.recent.append(Antecedent(offset, guess.speaker, guess.type, frozenset(roles), guess.plural))
        elif guess.type in ("anonymous", "vague"):
            self.recent.append(Antecedent(offset, "", guess.type, frozenset(), guess.plural, guess.head))

    def add_roles(self, speaker: str, roles: list[str]) -> None:
        self.roles.setdefault(speaker, set()).update(roles)

    def register(self, guess: SpeakerGuess) -> SpeakerGuess:
        """Note a named person's surname, so a later bare surname means them."""
        if guess.speaker and guess.type == "named-person":
            parts = guess.speaker.split(" ")
            if len(parts) > 1:
                self.surnames.setdefault(parts[-1].lower(), guess.speaker)
        return guess

    def find(self, offset: int, test: Callable[[Antecedent], bool]) -> Antecedent | None:
        """The nearest source before ``offset``, within ``WINDOW``, that passes ``test``."""
        for r in reversed(self.recent):
            if offset - r.offset > WINDOW:
                return None
            if r.offset < offset and test(r):
                return r
        return None

    # --- resolution ------------------------------------------------------------------------------------
    def pronoun(self, pronoun: str, offset: int) -> SpeakerGuess:
        """ "He" and "she" mean the last named person, "they" the last group, "it" the last organisation."""
        want = PRONOUNS[pronoun]
        if want == "person":
            found = self.find(offset, lambda r: r.type == "named-person")
            if found is not None:
                return SpeakerGuess("named-person", pronoun, found.speaker, tuple(found.roles), True)
            return SpeakerGuess("named-person", pronoun, None, (), True)
        if want == "group":
            found = self.find(offset, lambda r: r.plural)
            if found is not None:
                return SpeakerGuess(found.type, pronoun, found.speaker, (), True, True)
            return SpeakerGuess("anonymous", pronoun, None, (), True, True)
        if want == "thing":
            found = self.find(offset, lambda r: r.type == "named-organisation")
            return SpeakerGuess("named-organisation", pronoun, found.speaker if found else None, (), True)
        return SpeakerGuess("named-person", pronoun, None, (), True)

    def role(self, words: list[Token], pre: list[Token], head: str, fallback: str) -> SpeakerGuess:
        """A bare role ("the spokesman") refers to the last named source with that role, if there is one."""
        titles = self.lex.titles
        if words[0].norm in ("the", "that", "this") and head in titles:
            found = None
            qualifiers = {
                bare(t.norm)
                for t in pre[1:]
                if t.text[:1].isupper() and bare(t.norm).rstrip(".") not in titles
            }
            if qualifiers:  # "the US president": the president the story called "US President …"
                found = self.find(
                    words[0].start,
                    lambda r: (
                        head in r.roles
                        and r.type == "named-person"
                        and bool(qualifiers & self.qualifiers.get(r.speaker, set()))
                    ),
                )
            if found is None and qualifiers:
                # beyond the window, the one person the story gave that role and qualifier
                named = [
                    speaker
                    for speaker, words_before in self.qualifiers.items()
                    if qualifiers & words_before and head in self.roles.get(speaker, ())
                ]
                if len(named) == 1:
                    speaker = named[0]
                    return SpeakerGuess("named-person", head, speaker, tuple(self.roles[speaker]), True)
            if found is None:
                found = self.find(words[0].start, lambda r: head in r.roles and r.type == "named-person")
            if found is not None:
                return SpeakerGuess("named-person", head, found.speaker, tuple(found.roles), True)
        roles = tuple(bare(t.norm) for t in pre if bare(t.norm) in titles)
        if (
            words[0].norm == "the"
            and head in titles
            and not head.startswith("spokes")
            and not head.endswith("s")
        ):
            # "the mayor said": a single office-holder a reader can identify, not an anonymous source
            return SpeakerGuess("named-person", head, None, roles)
        return SpeakerGuess(fallback, head, None, roles, plural=head.endswith("s"))

    def _qualifiers_at(self, offset: int, speaker: str) -> set[str]:
        """The capitalised words written before a source's name where it is met, other than titles ("US" in
        "US President Donald Trump"), lower case."""
        at = self.text.find(speaker.split()[0], offset, offset + QUALIFIER_REACH)
        if at <= offset:
            return set()
        titles = self.lex.titles
        return {
            w.lower().rstrip(".")
            for w in self.text[offset:at].split()
            if w[:1].isupper() and w.lower().rstrip(".") not in titles
        }

    def organisation(self, head: str, offset: int, words: list[Token]) -> SpeakerGuess:
        """ "The agency said": the last named organisation with that word in its name."""
        found = self.find(offset, lambda r: r.type == "named-organisation" and head in r.speaker.lower())
        if found is not None and words[0].norm in DEFINITE:
            return SpeakerGuess("named-organisation", head, found.speaker, (), True)
        return SpeakerGuess("named-organisation", head, None, ())

    def follow_up(self, head: str, offset: int) -> SpeakerGuess | None:
        """ "The people said" after "two people who have seen the draft said": the same unnamed source."""
        earlier = self.find(offset, lambda r: r.head == head and r.type == "anonymous")
        if earlier is not None:
            return SpeakerGuess("anonymous", head, None, (), True, earlier.plural)
        return None

    def surname(self, word: str, offset: int) -> str | None:
        """The full name a bare surname at ``offset`` refers to: a source seen so far, or a "First Last"
        written earlier in the text."""
        word = strip_possessive(word)
        key = word.lower()
        found = self.surnames.get(key)
        if found is not None:
            return found
        cached = self.full_names.get(key)
        if cached is None:
            cached = self.full_names[key] = self._full_name(word)
        name, at = cached
        return name if name is not None and at < offset else None

    def _full_name(self, word: str) -> tuple[str | None, int]:
        """Find the first "First [M.] Word" in the text (a capitalised word before the surname that is not a
        title) and where it is. The first ``SCANNED_SURNAMES`` surnames are found with one search of the text
        each, which costs far less than indexing every word of a story for the few it looks up; a document
        that looks up more is indexed once, so the cost stays linear in its length."""
        text = self.text
        if self._scans < SCANNED_SURNAMES:
            self._scans += 1
            starts: Iterable[int] = (m.start() - 1 for m in re.finditer(r"(?<= )" + re.escape(word), text))
        else:
            lead = _LEADING_RUN.match(word)
            starts = self._spaced_words.get(lead.group() if lead else "", ())
        for i in starts:  # i: the space before the surname
            after = i + 1 + len(word)
            if i > 0 and text.startswith(word, i + 1) and (after >= len(text) or not text[after].isalnum()):
                first = self._first_name_before(i)
                if first is not None:
                    return f"{first} {word}", i
        return None, len(text)

    @cached_property
    def _spaced_words(self) -> dict[str, list[int]]:
        """Where each run of letters and digits that follows a space starts (at the space), built in one pass
        once a document looks up many surnames."""
        out: dict[str, list[int]] = {}
        for m in _SPACED_RUN.finditer(self.text):
            out.setdefault(m.group(1), []).append(m.start())
        return out

    def _first_name_before(self, i: int) -> str | None:
        """The capitalised word (with a middle initial, "Donald J.") that ends at ``i``, if it may be a first
        name: not a title, pronoun, grammar word or place."""
        text = self.text
        start = i
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] in ".'’-"):
            start -= 1
        prev = text[start:i]
        if len(prev) == 2 and prev[1] == "." and start > 1:  # a middle initial: "Donald J. Trump"
            first = start - 1
            while first > 0 and text[first - 1].isalpha():
                first -= 1
            if first < start - 1 and text[first].isupper():
                prev = text[first:i]
        head = prev.split(" ")[0].rstrip(".").lower()
        if prev[:1].isupper() and head not in self.lex.not_first_names and len(head) > 1:
            return prev
        return None
