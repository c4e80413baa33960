"""Where a source's noun phrase is: the subject before a cue, the noun phrase after it, and its words.

The analysis has no parser, so a noun phrase is read from the words and punctuation around a cue: leftwards
over auxiliaries and adverbs to the subject, past appositives and asides ("Ana Ruiz, the port's director,
said"), or rightwards after an inverted verb ("said the spokesman"). A subject is returned as token indices
``(span start, span end, head start, head end)``: the span is what the draft wrote, the head the words
typed as the source (``speakers``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.gaps import comma_gap, gap, hard_gap, skip_brackets
from rhetlint.analysis.attribution.grammar import (
    ASIDE_OPENERS,
    AUX_SKIP,
    CLAUSE_WORDS,
    IN_THE_KNOW,
    MAX_NP,
    NOT_NP_END,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    REFERRING,
    RELATIVES,
    TIME_WORDS,
    count_word,
)
from rhetlint.analysis.attribution.speakers import function_word, names_someone

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.reading import Reading
    from rhetlint.text.tokens import Token

# Token indices of a subject: (span start, span end, head start, head end).
Subject = tuple[int, int, int, int]

# Determiners that open a noun phrase.
DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those"})
# Words that end a noun phrase read rightwards ("said Smith on Tuesday", "according to officials in Kyiv").
RIGHT_STOP = frozenset({"on", "in", "at", "during", "after", "before", "when", "while", "as", "to", "that",
                        "about", "yesterday", "today", "tonight", "last", "this", "earlier", "who", "which",
                        "and", "but", "is", "are", "was", "were", "has", "have", "had", "will", "would",
                        "could", "can", "may", "might", "said", "says", "told", "because", "if", "than",
                        "with", "since", "by", "via", "into", "over", "through", "amid", "despite", "where",
                        "whose", "there", "it", "not", "monday", "tuesday", "wednesday", "thursday", "friday",
                        "saturday", "sunday", "adding", "saying", "noting", "so", "or", "under", "across",
                        "against", "until", "also", "per"})
# Capitalised words that still stop a noun phrase read rightwards ("said Smith On Tuesday", "said Smith He").
NOT_NAME_STOPS = TIME_WORDS | frozenset(PRONOUNS)
# Words that end no noun phrase but may be a whole subject ("Some argue", "Another said").
WHOLE_SUBJECTS = QUANTIFIERS | REFERRING
# Words that open an appositive or aside, so that another may stand before it ("a", "who", "however").
SEGMENT_OPENERS = ASIDE_OPENERS | {"a", "an", "the", "who", "which"}

# Nouns ending in "-ly", which are no adverbs ("lawyers for the family said").
LY_NOUNS = frozenset({"family", "assembly", "rally", "supply", "reply", "anomaly", "monopoly", "homily", "folly",
                      "bully", "belly", "tally", "butterfly", "jelly", "lily", "melancholy"})
# Nouns that end a time phrase ("on Tuesday", "last month", "earlier this year").
TIME_NOUNS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
                        "weekend", "month", "year", "morning", "afternoon", "evening", "night", "spring", "summer",
                        "fall", "autumn", "winter"})
# Words that open a time phrase before its noun.
TIME_LEADS = frozenset({"on", "last", "this", "next", "earlier", "later", "late", "early", "that", "same"})

# Words that open a question or condition: a subject right after one reports nothing yet.
HYPOTHETICAL = frozenset({"if", "whether", "unless"})

MAX_RIGHT = 10  # longest source read rightwards ("according to …", "said …")
MAX_APPOSITIVE = 30  # longest ", the port's executive director," between a name and its verb


# --- words ---------------------------------------------------------------------------------------------
def skippable(r: Reading, tok: Token) -> bool:
    """An auxiliary, negation or adverb that may stand between a subject and its verb ("has also said")."""
    n = tok.norm
    if n in ("most", "more", "less", "least", "very") and tok.text.islower():
        return _next_is_adverb(r, tok)  # "most recently defended"
    return (n in AUX_SKIP and tok.text.islower()) or (len(n) > 4 and n.endswith("ly") and tok.text.islower()
                                                      and n not in r.lex.nouns and n not in LY_NOUNS)


def _next_is_adverb(r: Reading, tok: Token) -> bool:
    tokens = r.doc.tokens
    i = r.doc.token_index(tok.end)
    return i < len(tokens) and tokens[i].norm.endswith("ly") and len(tokens[i].norm) > 4


def _verbish(r: Reading, tok: Token) -> bool:
    """A lower-case reporting verb form that is not also a noun: a noun phrase does not reach past it."""
    return tok.norm in r.lex.solo and tok.norm not in r.lex.nouns and tok.text.islower()


def _participle(tok: Token) -> bool:
    """A lower-case past participle ("made", "collected", "written") before "by"."""
    return tok.text.islower() and (tok.norm.endswith(("ed", "en")) or tok.norm in IRREGULAR_PARTICIPLES)


# Past participles not ending in "-ed" or "-en" that take an agent with "by".
IRREGULAR_PARTICIPLES = frozenset({"made", "held", "run", "led", "sent", "built", "paid", "told", "said", "won", "set"})


# --- noun phrases ----------------------------------------------------------------------------------------
def np_start(r: Reading, toks: list[Token], e: int) -> int:
    """Leftmost token of the noun phrase ending at token e."""
    text = r.text
    m = e
    while m > 0 and e - m < MAX_NP - 1 and not hard_gap(text, toks, m):
        before = toks[m - 1]
        if (before.norm in CLAUSE_WORDS and not (before.norm == "to" and m >= 2 and toks[m - 2].norm in
                                                 IN_THE_KNOW)) or _verbish(r, before):
            break  # a clause boundary, except "sources close to the minister"
        if toks[m].norm in DETERMINERS and before.norm not in PREPOSITIONS:
            break  # "a project [that] the union says": the determiner opens the subject
        if before.norm == "by" and m >= 2 and _participle(toks[m - 2]):
            break  # "statements made by top officials who", "data collected by the Brennan Center": the agent
        m -= 1
    while m < e and (toks[m].norm in TIME_WORDS or toks[m].norm in CLAUSE_WORDS):
        m += 1
    return m


def right_np(r: Reading, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token i, read rightwards until a preposition, clause or comma."""
    text = r.text
    n = len(toks)
    e = i
    while e < n and e - i < MAX_RIGHT and (e == i or not hard_gap(text, toks, e)):
        norm = toks[e].norm
        if toks[e].text[:1].isupper() and norm not in NOT_NAME_STOPS:
            e += 1  # a name that is also a stop word: "said Will Doyle", "said May Chen"
            continue
        if norm in RIGHT_STOP and not (norm in ("with", "to") and e > i and toks[e - 1].norm in IN_THE_KNOW):
            break  # but "sources close to", "people familiar with" go on
        e += 1
    return (i, e) if e > i else None


def inverted_ok(r: Reading, toks: list[Token], right: tuple[int, int]) -> bool:
    """An inverted subject opens like a noun phrase or holds a name ("says political scientist Ann Lee")."""
    if _np_opens(r, toks[right[0]]):
        return True
    return any(t.text[:1].isupper() and not function_word(r, t) for t in toks[right[0]:right[1]])


def _np_opens(r: Reading, tok: Token) -> bool:
    """Whether a word can start an inverted subject ("said Smith", "said the spokesman")."""
    n = tok.norm
    lex = r.lex
    return (tok.text[:1].isupper() or n in ("the", "a", "an", "one", "two", "three", "he", "she", "they", "another")
            or n in lex.anonymous or n in lex.vague or n in lex.titles or n in QUANTIFIERS)


# --- the subject before a verb ---------------------------------------------------------------------------
def left_subject(r: Reading, toks: list[Token], k: int) -> Subject | None:
    """Find the subject before token k."""
    text = r.text
    j = k - 1
    while j >= 0 and not hard_gap(text, toks, j + 1) and skippable(r, toks[j]):
        j -= 1
    j = _before_time_phrase(r, toks, j)
    bracketed = skip_brackets(text, toks, j)
    soft = bracketed != j  # "Sen. Claire McCaskill (D-Mo.) said"
    j = bracketed
    if j < 0:
        return None
    norm = toks[j].norm
    if norm in RELATIVES and j > 0:  # "those who argue", "Lynch, who told Congress"
        e = skip_brackets(text, toks, j - 1)
        s = np_start(r, toks, e)
        if _generic_role(r, toks, s, e):
            return None
        return (s, j + 1, s, e + 1)
    if norm in CLAUSE_WORDS and (soft or not comma_gap(text, toks, j + 1)):
        return None  # (", though, said" goes on to the comma branch below)
    if soft or not hard_gap(text, toks, j + 1):
        found = _adjacent_subject(r, toks, j)
        if found is not None and found[0] > 0 and toks[found[0] - 1].norm in HYPOTHETICAL:
            return None  # "to learn if reporters felt pressured": a question, not a report
        return found
    if not comma_gap(text, toks, j + 1):
        return None
    return _subject_before_comma(r, toks, j)


def _before_time_phrase(r: Reading, toks: list[Token], j: int) -> int:
    """Step left over a time phrase between a subject and its verb ("Smith on Tuesday said", "the agency
    last month warned", "Rep. Ann Lee earlier this year argued"), and the adverbs before it."""
    if j < 1 or toks[j].norm not in TIME_NOUNS or hard_gap(r.text, toks, j + 1):
        return j  # ("on Thursday, said": the comma ends the subject's search here)
    i = j - 1
    while i >= 0 and j - i <= 3 and toks[i].norm in TIME_LEADS and not hard_gap(r.text, toks, i + 1):
        i -= 1
    if i == j - 1 and not toks[j].text[:1].isupper():
        return j  # "the week said": a bare time noun needs "last", "this", "on" or a day's name
    if i < 0 or (hard_gap(r.text, toks, i + 1) and not gap(r.text, toks, i + 1).strip(" .").endswith(")")):
        return j  # (a bracket before the phrase closes an aside of the subject: "Ann Lee (D-Mo.) on Monday")
    while i >= 0 and not hard_gap(r.text, toks, i + 1) and skippable(r, toks[i]):
        i -= 1
    return i


def _generic_role(r: Reading, toks: list[Token], s: int, e: int) -> bool:
    """A bare plural role before "who" ("rewarded candidates who promised", "journalists who disagree"): people
    in general, not someone the story quotes."""
    head = toks[e]
    return head.text.islower() and head.norm.endswith("s") and head.norm in r.lex.titles and not any(
        t.norm in DETERMINERS or t.norm in QUANTIFIERS or t.norm.isdigit() for t in toks[s:e])


def _adjacent_subject(r: Reading, toks: list[Token], j: int) -> Subject | None:
    """The noun phrase ending at token j, right before its verb ("the union says")."""
    norm = toks[j].norm
    if j > 1 and toks[j - 1].norm == "in" and count_word(toks[j - 2].norm) and count_word(norm):
        s = np_start(r, toks, j - 2)  # "two in three said", "more than six in 10 said": a share of those asked
        return (s, j + 1, s, j + 1)
    if norm in NOT_NP_END or norm.isdigit():
        # "in three states", "under the plan": no noun phrase ends here, unless the word is the
        # whole subject ("Some argue", "Many believe")
        if norm not in WHOLE_SUBJECTS or (
                j > 0 and not hard_gap(r.text, toks, j) and toks[j - 1].norm not in CLAUSE_WORDS):
            return None
    s = np_start(r, toks, j)
    return _before_relative(r, toks, s, j) or (s, j + 1, s, j + 1)


def _before_relative(r: Reading, toks: list[Token], s: int, j: int) -> Subject | None:
    """A subject whose noun phrase from token s to j is a relative clause: the noun before "who" is the
    head ("the man who ran the campaign said", "two people who have seen a draft of the report said")."""
    lead = toks[s]
    if s > 1 and toks[s - 1].norm == "which" and toks[j].norm in r.lex.nouns:
        return None  # "…, which sources said will be painstaking": the people after "which" are its subject
    if s > 1 and toks[s - 1].norm in RELATIVES and toks[s - 1].norm != "whose" and not (
            lead.norm in PRONOUNS or lead.norm in DETERMINERS or lead.text[:1].isupper()):
        s2 = np_start(r, toks, s - 2)  # "the man who ran the campaign said"
        return (s2, j + 1, s2, s - 1)
    for w in range(s - 1, max(0, s - 6), -1):  # "two people who have seen a draft of the report said"
        if hard_gap(r.text, toks, w + 1):
            break
        if toks[w].norm == "who":
            s2 = np_start(r, toks, w - 1)
            return (s2, j + 1, s2, w + 1)  # the head range keeps "who" so "people who …" reads as specific
    return None


def _subject_before_comma(r: Reading, toks: list[Token], j: int) -> Subject | None:
    """A subject separated from its verb by commas: a sentence-opening name, or the name that appositives
    and asides describe."""
    opening = _opening_name(r, toks, j)
    if opening is None:
        return _described_subject(r, toks, j)
    # "Giovanni Maria Vian, the editor of …, said"; "Murphy, though, said": not the aside
    norm = toks[j].norm
    aside = comma_gap(r.text, toks, j) and (norm in ASIDE_OPENERS or norm in CLAUSE_WORDS)
    return (0, opening if aside else j + 1, 0, opening)


def _described_subject(r: Reading, toks: list[Token], j: int) -> Subject | None:
    """Walk back from token j over comma-bounded appositives and asides to the name they describe: "Ana
    Ruiz, the port's director, said" / "Officials, however, said" / "Smith, who …, said"."""
    text = r.text
    seg_end = j
    first_aside = None
    for _ in range(4):
        a = _segment_start(text, toks, seg_end)
        if a == 0 or not comma_gap(text, toks, a):
            return None
        if seg_end == a and toks[a].norm in r.lex.places and toks[a - 1].text[:1].isupper():
            seg_end = a - 1  # "former mayor of Louisville, Kentucky, said": the state belongs to its city
            continue
        if _named_in_segment(r, toks, a, seg_end):
            # "the White House spokesman, Josh Earnest, said": the name is in the appositive
            hs = np_start(r, toks, a - 1)
            return (hs, j + 1, a, seg_end + 1)
        if first_aside is None:
            first_aside = toks[a].norm in ASIDE_OPENERS or toks[a].norm in TIME_WORDS
        head_end = skip_brackets(text, toks, a - 1)
        if head_end < 0 or toks[head_end].norm in CLAUSE_WORDS:
            return None
        hs = np_start(r, toks, head_end)
        if not (hs > 0 and comma_gap(text, toks, hs) and toks[hs].norm in SEGMENT_OPENERS):
            # no further appositive or aside before this one: its noun phrase is the subject
            if first_aside:
                return (hs, head_end + 1, hs, head_end + 1)
            return (hs, j + 1, hs, head_end + 1)
        seg_end = head_end
    return None


# A party and state after a lawmaker's name ("R-Ky.", "D-N.Y.", "I-Vt.").
PARTY_AND_STATE = re.compile(r"[RDI]-[A-Z]")


def _named_in_segment(r: Reading, toks: list[Token], a: int, seg_end: int) -> bool:
    """Whether the comma-bounded segment from token a to seg_end is a name: "Josh Earnest", "the Center for
    Constitutional Rights", "3M" (after a description of its owner: "One American company, 3M, said"; a
    brand with digits names someone as ``names_someone`` reads it)."""
    first = toks[a]
    if PARTY_AND_STATE.match(first.text):
        return False  # "Sen. Rand Paul, R-Ky., said": the senator's party and state, an aside
    if names_someone(r, first) and seg_end - a < 4:
        return True
    if first.norm == "the" and 0 < seg_end - a < 6:
        rest = toks[a + 1 : seg_end + 1]
        return rest[0].text[:1].isupper() and all(
            t.text[:1].isupper() or t.norm in ("for", "of", "and", "the", "&") for t in rest
        )
    return False


def _segment_start(text: str, toks: list[Token], seg_end: int) -> int:
    """The first token after the comma that opens the comma-bounded segment ending at token seg_end."""
    a = seg_end
    while a > 0 and not comma_gap(text, toks, a) and seg_end - a < MAX_APPOSITIVE:
        a -= 1
    return a


def _opening_name(r: Reading, toks: list[Token], j: int) -> int | None:
    """A sentence that opens with a name and a comma ("Scott Morris, a former official who …, said"):
    the end of that name, when nothing between it and token j is another reporting verb."""
    e = _leading_capitals(r, toks, j)
    if e == 0 or not comma_gap(r.text, toks, e) or toks[0].norm in r.lex.nouns:
        return None
    if e == 1 and toks[0].text.isupper() or any(t.norm in TIME_WORDS for t in toks[:e]):
        return None  # a dateline ("WASHINGTON, June 24") or a time ("On Tuesday,")
    if any(t.norm in r.lex.solo and t.text.islower() for t in toks[e:j]):
        return None
    if any(CLOSING_QUOTES.search(gap(r.text, toks, i)) for i in range(e + 1, j + 1)):
        return None  # "“Jared Kushner, … Scarborough,” Roger Stone, an adviser, claimed": the name is quoted
    return e


# A closing quotation mark between two words: what comes before it is someone's quoted words.
CLOSING_QUOTES = re.compile(r"[,.!?]?[”\"»]")


def _leading_capitals(r: Reading, toks: list[Token], j: int) -> int:
    """How many capitalised words open the sentence, up to a comma (at most four, before token j); 0 when
    other punctuation cuts them."""
    text = r.text
    e = 0
    while e < min(j, 4) and toks[e].text[:1].isupper() and (e > 0 or not function_word(r, toks[e])):
        e += 1
        if comma_gap(text, toks, e):
            break
        if hard_gap(text, toks, e):
            return 0
    return e
