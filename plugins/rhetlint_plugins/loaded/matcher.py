"""Find lexicon entries in a document in one pass over its tokens.

Surface phrases are indexed by their first word, longest first, so each token costs one dict lookup; the
hits for a document are computed once and shared by every loaded-language rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from weakref import WeakKeyDictionary

from rhetlint.model.document import Document
from rhetlint.text.tokens import strip_possessive
from rhetlint_plugins.loaded.lexicon import Entry, Lexicon, Surface, surfaces

# Words before a verb form that show it is used as a noun ("the claims", "his rant", "about claims that"),
# not as a verb: determiners, and prepositions (a verb after a preposition takes -ing, which is not guarded).
NOMINAL_CONTEXT = frozenset(
    "a an the his her its their our my your this these those that such no any some every each of "
    "insurance legal patent "
    "about above across after against amid amidst among around at before behind beneath beside besides "
    "between beyond by despite during for from in inside into like near off on onto over past per since "
    "through throughout toward towards under unlike upon versus via with within without".split()
)
# Characters after which a capitalised word may still be a common word (sentence or quotation start).
SENTENCE_OPENERS = set(".!?:;\"“‘'([—–-…")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    surface: Surface
    first_token: int
    last_token: int

    @property
    def entry(self) -> Entry:
        return self.surface.entry


@cache
def build_index(lexicon: Lexicon) -> tuple[dict[str, list[Surface]], dict[tuple[str, str], list[Surface]]]:
    """Single words by their word, phrases by their first two words (longest first): common first words
    such as "the" or "of" then cost one lookup instead of a comparison per phrase."""
    singles: dict[str, list[Surface]] = {}
    phrases: dict[tuple[str, str], list[Surface]] = {}
    derived: list[Surface] = []
    for entry in lexicon.entries.values():
        for surface in surfaces(entry):
            if surface.form == "adverb":
                derived.append(surface)
            elif len(surface.words) == 1:
                singles.setdefault(surface.words[0], []).append(surface)
            else:
                phrases.setdefault(surface.words[:2], []).append(surface)
    for surface in derived:  # a word listed in its own right keeps its own entry, or stays switched off
        if surface.words[0] not in singles and surface.words[0] not in lexicon.disabled:
            singles[surface.words[0]] = [surface]
    for candidates in phrases.values():
        candidates.sort(key=lambda s: -len(s.words))
    return singles, phrases


_CACHE: WeakKeyDictionary[Document, dict[int, list[Hit]]] = WeakKeyDictionary()


def _proper_noun(doc: Document, token_index: int) -> bool:
    """A capitalised word in mid-sentence is usually a name ("Desperate Housewives", "Iconic Records")."""
    token = doc.tokens[token_index]
    if not token.text[:1].isupper():
        return False
    block = doc.block_at(token.start)
    if block is None or block.kind in ("heading", "title"):
        return False
    lo = block.start
    while True:  # the last non-space character before the word, looking back in short steps
        window_start = max(lo, token.start - 32)
        before = doc.text[window_start : token.start].rstrip()
        if before or window_start == lo:
            break
        token = token._replace(start=window_start)
    if not before or before[-1] in SENTENCE_OPENERS:
        return False
    return not _title_case_sentence(doc, token.end)


def _title_case_sentence(doc: Document, offset: int) -> bool:
    """A sentence whose longer words are nearly all capitalised is a headline or subheading set in Title
    Case, where capitals say nothing about names."""
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return False
    words = [t for t in doc.tokens_between(sentence.start, sentence.end) if len(t.text) > 3]
    capitals = sum(1 for t in words if t.text[0].isupper())
    return len(words) >= 3 and capitals >= 0.7 * len(words)


def scan(doc: Document, lexicon: Lexicon) -> list[Hit]:
    per_doc = _CACHE.setdefault(doc, {})
    key = id(lexicon)
    if key in per_doc:
        return per_doc[key]
    singles, phrases = build_index(lexicon)
    tokens = doc.tokens
    text = doc.text
    block_index = doc.block_index

    def block_of(token: int) -> int:
        return block_index(tokens[token].start)

    hits: list[Hit] = []
    n = len(tokens)
    get1, get2 = singles.get, phrases.get
    covered = -1  # last token of the previous hit: one hit per token, the longest first
    for i in range(n):
        if i <= covered:
            continue
        norm = tokens[i].norm
        candidates = get1(norm)
        if candidates is None and norm.endswith("'s"):
            candidates = get1(norm[:-2])
        if i + 1 < n:
            following = tokens[i + 1].norm
            multi = get2((norm, following))
            if multi is None and following.endswith("'s"):
                multi = get2((norm, following[:-2]))
            if multi is not None:
                candidates = multi + candidates if candidates else multi
        if candidates is None:
            continue
        for surface in candidates:
            words = surface.words
            length = len(words)
            if i + length > n:
                continue
            if length > 1 and not _phrase_matches(tokens, text, i, words, block_of):
                continue
            if not _guards_pass(tokens, text, i, length, surface, block_of):
                continue
            if _proper_noun(doc, i) and length == 1:
                continue
            hits.append(Hit(tokens[i].start, tokens[i + length - 1].end, surface, i, i + length - 1))
            covered = i + length - 1
            break  # the longest surface at this token wins
    per_doc[key] = hits
    return hits


def _phrase_matches(tokens, text: str, i: int, words: tuple[str, ...], block_of: Callable[[int], int]) -> bool:
    for k in range(1, len(words)):
        token = tokens[i + k]
        norm = token.norm if k < len(words) - 1 else strip_possessive(token.norm)
        if norm != words[k] and token.norm != words[k]:
            return False
        gap = text[tokens[i + k - 1].end : token.start]
        if gap.strip():  # punctuation between the words: not the phrase
            return False
    return block_of(i) == block_of(i + len(words) - 1)  # a phrase never runs on into the next paragraph


def _neighbour(tokens, text: str, a: int, b: int, block_of: Callable[[int], int]) -> str:
    """The word at token b when only spaces separate it from token a; punctuation and the end of a
    paragraph end the phrase (a paragraph's findings depend on that paragraph alone)."""
    if b < 0 or b >= len(tokens) or block_of(a) != block_of(b):
        return ""
    left, right = (tokens[a], tokens[b]) if a < b else (tokens[b], tokens[a])
    return "" if text[left.end : right.start].strip() else tokens[b].norm


def _guards_pass(tokens, text: str, i: int, length: int, surface: Surface, block_of: Callable[[int], int]) -> bool:
    entry = surface.entry
    prev = _neighbour(tokens, text, i, i - 1, block_of)
    nxt = _neighbour(tokens, text, i + length - 1, i + length, block_of)
    if prev and prev in entry.not_after:
        return False
    if entry.not_before and nxt:
        if nxt in entry.not_before:
            return False
        # guards may be phrases: "the lives" in "claimed the lives of"
        following = nxt
        for k in range(i + length + 1, min(i + length + 3, len(tokens))):
            word = _neighbour(tokens, text, k - 1, k, block_of)
            if not word:
                break
            following += " " + word
            if following in entry.not_before:
                return False
    if entry.only_before and nxt not in entry.only_before:
        return False
    if entry.pos == "verb" and surface.form in ("base", "3sg"):
        if prev in NOMINAL_CONTEXT and not (prev == "that" and surface.form == "3sg"):  # "a group that claims"
            return False
        if prev.endswith("'s"):  # after a possessive: "Israel's claim"
            return False
        gap = text[tokens[i - 1].end : tokens[i].start] if i > 0 and block_of(i - 1) == block_of(i) else ""
        if "'" in gap or "’" in gap:  # after a plural possessive: "the seekers' claims"
            return False
    return True


# Words that tie a sentence's wording to a speaker.
ATTRIBUTION_CUE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|according to|called|calls|describ(?:ed|es|ing)|label(?:l)?ed|dubbed|"
    r"termed|wrote|writes|argued|argues|accused|accuses|alleged|alleges|branded|brands|denounced|"
    r"considers?|considered|views?|viewed|regards?|regarded|designated|designates|lists?|listed|"
    r"believes?|believed|believing)\b",
    re.I,
)


def attributed(doc: Document, offset: int) -> bool:
    sentence = doc.sentence_at(offset)
    return bool(sentence and ATTRIBUTION_CUE.search(sentence.text))


def hits_for_rule(hits: Iterable[Hit], rule: str) -> list[Hit]:
    return [h for h in hits if h.entry.rule == rule]
