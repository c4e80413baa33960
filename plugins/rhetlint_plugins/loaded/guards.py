"""When a lexicon word is not loaded wording after all: a verb form used as a noun, a capitalised name, or
(for some terms) a judgement the sentence credits to a speaker.

The shared matcher checks each entry's own neighbour words (``not_before``, ``not_after``, ``only_before``);
these are the rules every entry follows.
"""

from __future__ import annotations

import re
from typing import Any

from rhetlint import Document
from rhetlint.rules.data import Pattern, Scan

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
# Words that tie a sentence's wording to a speaker.
ATTRIBUTION_CUE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|according to|called|calls|describ(?:ed|es|ing)|label(?:l)?ed|dubbed|"
    r"termed|wrote|writes|argued|argues|accused|accuses|alleged|alleges|branded|brands|denounced|"
    r"considers?|considered|views?|viewed|regards?|regarded|designated|designates|lists?|listed|"
    r"believes?|believed|believing)\b",
    re.I,
)


def reads_as_loaded(scan: Scan, pattern: Pattern[Any], first: int, last: int) -> bool:
    """The matcher's guard for lexicon patterns: a verb's base or -s form after a determiner, a preposition
    or a possessive is a noun ("the claims", "Israel's claim"), and a capitalised word in mid-sentence is a
    name ("Desperate Housewives")."""
    verb = pattern.meaning.pos == "verb" and pattern.form in ("base", "3sg")
    if verb and _used_as_noun(scan, first, pattern.form):
        return False
    return first != last or not _proper_noun(scan.doc, first)


def _used_as_noun(scan: Scan, i: int, form: str) -> bool:
    before = scan.neighbour(i, i - 1)
    if before in NOMINAL_CONTEXT and not (before == "that" and form == "3sg"):  # "a group that claims"
        return True
    if before.endswith("'s"):  # after a possessive: "Israel's claim"
        return True
    if i == 0 or scan.block_of(i - 1) != scan.block_of(i):
        return False
    gap = scan.text[scan.tokens[i - 1].end : scan.tokens[i].start]
    return "'" in gap or "’" in gap  # after a plural possessive: "the seekers' claims"


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


def attributed(doc: Document, offset: int) -> bool:
    """Whether the sentence at ``offset`` credits its wording to a speaker."""
    sentence = doc.sentence_at(offset)
    return bool(sentence and ATTRIBUTION_CUE.search(sentence.text))
