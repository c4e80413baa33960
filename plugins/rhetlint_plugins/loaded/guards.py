"""When a lexicon word is not loaded wording after all: a verb form used as a noun, a capitalised name, a
figure used in its literal sense ("the patient is on life support"), a term the story puts in quotation marks
as someone's word, or (for some terms) a judgement the clause credits to a speaker.

The shared matcher checks each entry's own neighbour words (``not_before``, ``not_after``, ``only_before``);
these are the rules every entry follows.
"""

from __future__ import annotations

import re
from typing import Any

from rhetlint import Document
from rhetlint.rules.data import Pattern, Scan
from rhetlint.text import strip_possessive

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
    if not token.text[:1].isupper() or token.text[1:2] == "-":  # "U-turn", "X-ray": a letter, not a name
        return False
    if "-" in token.text and token.text.rsplit("-", 1)[1][:1].islower():
        return False  # a compound adjective ("Democrat-controlled"), not a title-cased name ("Pro-Life")
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


# How far a literal-sense word may stand from the match, in words, inside the match's sentence.
LITERAL_REACH = 20
_SENTENCE_END = re.compile(r"[.!?;]")


def literal_sense(scan: Scan, pattern: Pattern[Any], first: int, last: int) -> bool:
    """The matcher's guard for figures: False when a word of the entry's ``literal_near`` stands in the same
    sentence, within ``LITERAL_REACH`` words ("the patient ... on life support", "the barn went up in
    flames"), so the phrase means what it says. A listed word also matches its plural and possessive."""
    near = pattern.meaning.literal_near
    keys, tokens, text = scan.keys, scan.tokens, scan.text
    block = scan.block_of(first)
    for step, edge, stop in (
        (-1, first, max(-1, first - LITERAL_REACH - 1)),
        (1, last, last + LITERAL_REACH + 1),
    ):
        k = edge
        while True:
            nxt = k + step
            if nxt == stop or nxt < 0 or nxt >= len(tokens) or scan.block_of(nxt) != block:
                break
            left, right = (tokens[nxt], tokens[k]) if step < 0 else (tokens[k], tokens[nxt])
            if _SENTENCE_END.search(text, left.end, right.start):
                break
            k = nxt
            key = strip_possessive(keys[k])
            if key in near or (len(key) > 3 and key[-1] == "s" and (key[:-1] in near or key[:-2] in near)):
                return False
    return True


def reads_as_loaded_figure(scan: Scan, pattern: Pattern[Any], first: int, last: int) -> bool:
    """Both guards: the noun-or-name check, then the literal-sense check."""
    return reads_as_loaded(scan, pattern, first, last) and literal_sense(scan, pattern, first, last)


# Where one clause of a sentence ends and the next begins: a semicolon, a dash, or a comma before a
# conjunction that starts a clause of its own ("..., but the talks are doomed").
CLAUSE_BREAK = re.compile(
    r";|\s[—–-]{1,2}\s|—|,\s+(?:but|and|while|although|though|whereas|yet|so)\b", re.IGNORECASE
)


def attributed(doc: Document, offset: int, end: int | None = None) -> bool:
    """Whether the clause at ``offset`` (to ``end``) credits its wording to a speaker: "aides say the governor
    secretly hopes ...", "the plan is doomed, the senator said". A cue in another clause of the sentence
    ("The senator said nothing, but the plan is doomed") does not take the words off the writer."""
    sentence = doc.sentence_at(offset)
    if sentence is None:
        return False
    text = sentence.text
    start, stop = offset - sentence.start, (end if end is not None else offset) - sentence.start
    lo, hi = 0, len(text)
    for brk in CLAUSE_BREAK.finditer(text):
        if brk.end() <= start:
            lo = brk.end()
        elif brk.start() >= stop:
            hi = brk.start()
            break
    for cue in ATTRIBUTION_CUE.finditer(text, lo, hi):
        if cue.start() < stop and cue.end() > start:
            continue  # the words themselves ("a wish list") credit nobody
        # a participle after the words ("the mayor backtracked, saying ...") credits what follows, not them
        if not (cue.start() >= stop and cue.group().lower().endswith("ing")):
            return True
    return False


def attributed_sentence(doc: Document, offset: int) -> bool:
    """Whether the sentence at ``offset`` credits any of its wording to a speaker."""
    sentence = doc.sentence_at(offset)
    return bool(sentence and ATTRIBUTION_CUE.search(sentence.text))


# Quotation marks, straight and curly, that may wrap a term someone used.
QUOTE_MARKS = frozenset("\"'“”‘’«»„")
# Words in a quotation short enough to be a term someone used rather than a statement; the term itself must
# fill it, but for one word ("a scheme").
TERM_QUOTE_WORDS = 4


def wrapped_in_quotes(text: str, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` are exactly what a pair of quotation marks holds: 'scheme',
    "diktat," (a comma or full stop may sit inside the closing mark). Straight single quotes count only
    where no letter touches them from outside, so an apostrophe is never read as a quotation mark."""
    if start == 0 or text[start - 1] not in QUOTE_MARKS or (start > 1 and text[start - 2].isalnum()):
        return False
    after = end
    if after < len(text) and text[after] in ",.!?":
        after += 1
    if after >= len(text) or text[after] not in QUOTE_MARKS:
        return False
    return after + 1 >= len(text) or not text[after + 1].isalnum()


def quoted_as_term(doc: Document, start: int, end: int) -> bool:
    """Whether the story quotes these words as someone's term: wrapped in quotation marks, or inside a
    quotation it fills but for one word (at most ``TERM_QUOTE_WORDS``), in a sentence that credits a speaker."""
    if wrapped_in_quotes(doc.text, start, end):
        return attributed_sentence(doc, start)
    if not doc.in_quote(start):
        return False
    quote = doc.quote_at(start)
    if quote is None:
        return False
    words = len(doc.text[quote.inner_start : quote.inner_end].split())
    if words > min(TERM_QUOTE_WORDS, len(doc.text[start:end].split()) + 1):
        return False  # a statement, not a term: "The regime must go," he said
    return attributed_sentence(doc, start)
