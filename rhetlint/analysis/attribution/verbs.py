"""Reporting verbs: whether a cue word is a verb where it stands, who its source is, and what it credits.

Most words that can be reporting verbs are not one where they stand: "the report", "Smith's claims", "plans
to argue", "Said Khan". The cheap tests that turn those away come first; passives go to ``passives``; a
verb that is left gets its source (an inverted subject after a quotation or comma, the subject before it,
or the subject it shares with an earlier verb or clause) and its content (``content``).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.content import content
from rhetlint.analysis.attribution.gaps import HARD_GAP, comma_gap, hard_gap
from rhetlint.analysis.attribution.grammar import (
    AUX_SKIP,
    BE,
    CLAUSE_WORDS,
    MAX_NP,
    MODALS,
    NAME_DROP,
    NOUN_MARKERS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    TIME_WORDS,
)
from rhetlint.analysis.attribution.lexicon import INVERTIBLE
from rhetlint.analysis.attribution.mentions import Subject, inverted_ok, left_subject, right_np, skippable
from rhetlint.analysis.attribution.model import SpeakerGuess
from rhetlint.analysis.attribution.passives import read_participle
from rhetlint.analysis.attribution.quotes import QUOTE_JOIN
from rhetlint.analysis.attribution.speakers import classify, with_appositive_roles
from rhetlint.text.inflect import verb_forms

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.lexicon import Cue, CueLexicon
    from rhetlint.analysis.attribution.reading import Reading
    from rhetlint.model.document import Sentence
    from rhetlint.text.tokens import Token

# Words after which a bare verb form is a verb whatever the subject ("will say", "did not want", "to").
BASE_LICENSORS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "do",
                            "does", "did", "don't", "doesn't", "didn't", "won't", "wouldn't", "couldn't",
                            "can't", "cannot", "shouldn't", "to", "'ll", "let", "please"})
# Forms of "have": a bare form after one is a noun ("has support").
HAVE = frozenset({"has", "have", "had", "having"})
# Plural nouns that do not end in -s ("people say", "police believe").
PLURAL_NOUNS = frozenset({"people", "police", "media", "staff", "public", "clergy", "faithful", "men", "women",
                          "children", "folks", "youth", "data", "gop", "leadership", "government"})
# Verbs that hand their subject to a following infinitive cue ("continued to complain", "began to argue").
CHAIN_VERBS = ("continue", "begin", "start", "try", "attempt", "go", "move", "rush", "hasten", "repeat",
               "choose", "vow", "threaten", "appear", "seem", "proceed", "hurry", "dare", "carry")
# Words that open a subordinate clause with its own subject ("when Trump spotted …", "because she …").
CLAUSE_OPENERS = frozenset({"when", "because", "while", "after", "before", "since", "although", "though", "if",
                            "unless", "until", "whereas", "once"})
# Prepositions that open a sentence with a phrase before its subject ("In a speech on Tuesday, Trump …").
OPENING_PHRASES = frozenset({"in", "at", "on", "during", "after", "before", "following", "despite", "amid",
                             "with", "without", "for", "from", "by", "speaking", "asked", "earlier", "later"})
# Words before an -ing cue that make it a participle clause of the main subject ("after saying", "by arguing").
PARTICIPLE_LEADS = frozenset({"by", "after", "while", "without", "before", "when", "in", "through", "since",
                              "also", "and", "again", "repeatedly", "even", "then"})
# Words after a quantifier that make a cue form a noun ("some claims were", "many reports of").
BE_AUX_OF = BE | AUX_SKIP | {"of"}
# Words that may open a participle clause's subject ("Smith", "the", "he", "officials", "some", "head of").
SUBJECT_WORDS = frozenset(PRONOUNS) | NAME_DROP | QUANTIFIERS | {"of", "for"}
# Linking and time words before a clause's subject ("and then on Tuesday Smith …"), but not articles.
CLAUSE_LEADS = (CLAUSE_WORDS | TIME_WORDS) - NAME_DROP
# Heads a bare verb form agrees with ("I say", "some say", "people say").
PLURAL_SUBJECTS = frozenset({"i", "you", "we", "they"}) | QUANTIFIERS | PLURAL_NOUNS
# Cue classes that need particular words after the verb ("refuses to", "sees … as", "argues that").
CHECKED_CLASSES = frozenset({"refusal", "as", "clause", "evidence"})
# Words after "find" or "show" that make it no finding: "found himself praising", "finds common ground".
NOT_A_FINDING = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "common"})
# Reporting verbs that need an object when active: followed at once by a preposition, their past form is a
# passive participle describing the noun before it ("the women quoted in the report", "a study cited by").
OBJECT_VERBS = frozenset({"quote", "cite", "mention", "describe", "criticize", "criticise", "praise", "condemn",
                          "blame", "accuse", "label", "brand", "dub", "rebuke", "assail", "deride", "berate",
                          "lambaste", "castigate", "scold", "liken", "reference", "invoke", "refute", "interview",
                          "survey", "poll", "question", "thank", "hail", "denounce", "mock", "ridicule",
                          "know"})
PASSIVE_PREPOSITIONS = frozenset({"in", "by", "at", "on", "as", "during", "from", "for"})
# Words after "in a" that stretch a cue to "said in a (written) statement".
STATEMENT_KINDS = frozenset({"written", "emailed", "televised", "radio", "tv", "brief", "separate"})
STATEMENTS = frozenset({"statement", "interview", "email", "letter", "post", "tweet", "speech", "memo", "note",
                        "release", "op-ed", "video", "message"})


def read_verb(r: Reading, sent: Sentence, toks: list[Token], k: int, entries: tuple[Cue, ...]) -> int:
    """Read a reporting-verb cue at token k; return the last token index it used."""
    entry = None
    for cand in entries:
        m = len(cand.particle)
        if m == 0 or tuple(t.norm for t in toks[k + 1:k + 1 + m]) == cand.particle:
            entry = cand
            break
    if entry is not None and entry.cls == "light":
        entry = _light_verb(r, toks, k, entry)
    if entry is None:
        return k
    cue_end = k + len(entry.particle)
    prev = toks[k - 1] if k > 0 and not hard_gap(r.text, toks, k) else None
    nxt = toks[cue_end + 1].norm if cue_end + 1 < len(toks) else ""
    if _noun_here(r, toks, k, entry, prev, nxt):
        return k
    head_k = _verb_start(r, toks, k, entry, prev)
    if head_k < 0:
        return k
    if entry.form in ("past", "pp"):
        used = read_participle(r, toks, k, cue_end, entry)
        if used >= 0:
            return used
    return _read_active(r, sent, toks, k, head_k, cue_end, entry, prev, nxt)


def _light_verb(r: Reading, toks: list[Token], k: int, entry: Cue) -> Cue | None:
    """A light verb with its noun of speech ("made similar comments", "gave a speech", "delivered remarks")
    read as one speech verb whose particle is the words up to the noun; None without such a noun."""
    nouns = r.lex.speech_nouns
    if k > 0 and toks[k - 1].norm in MODALS:
        return None  # "might make a great political speech": a possibility, not a report
    for j in range(k + 1, min(len(toks), k + 5)):
        tok = toks[j]
        if hard_gap(r.text, toks, j) or not tok.text.islower():
            return None
        if tok.norm in nouns:
            return entry._replace(cls="speech", particle=tuple(t.norm for t in toks[k + 1 : j + 1]))
        if tok.norm not in NOUN_MARKERS and (
            tok.norm in CLAUSE_WORDS or tok.norm in PREPOSITIONS or tok.norm in PRONOUNS or tok.norm in TIME_WORDS
        ):
            return None  # "made it to the final", "gave them a lift"
    return None


def _noun_here(r: Reading, toks: list[Token], k: int, entry: Cue, prev: Token | None, nxt: str) -> bool:
    """Whether the cue word at token k is a noun or an imperative where it stands, not a report."""
    form = entry.form
    if prev is not None:
        if form not in ("past", "pp") and (
                prev.norm in NOUN_MARKERS or (prev.norm.endswith("'s") and form in ("base", "3sg"))):
            return True  # a noun: "the report", "Smith's claims"
        if prev.norm in QUANTIFIERS and nxt in BE_AUX_OF and not hard_gap(r.text, toks, k + 1):
            return True  # "some claims were false", "many reports of": a noun after a quantifier
    if form in ("base", "3sg") and nxt == "of" and toks[k].norm in r.lex.nouns:
        return True  # "reports of"
    return k == 0 and form == "base" and not entry.particle and entry.cls != "impression"  # "Say what you will"


def _verb_start(r: Reading, toks: list[Token], k: int, entry: Cue, prev: Token | None) -> int:
    """Where the verb at token k starts ("continued to say" reads its subject before "continued"), or -1
    when it is an infinitive after another verb or a capitalised name."""
    start = k
    if prev is not None and prev.norm == "to" and entry.form == "base":
        if k >= 3 and toks[k - 2].norm == "on" and toks[k - 3].norm in _chain_forms():
            return k - 3  # "went on to say", "carried on to argue"
        if k < 2 or toks[k - 2].norm not in _chain_forms() or hard_gap(r.text, toks, k - 1):
            return -1  # infinitive after another verb: "declined to say", "plans to argue"
        start = k - 2
    if k > 0 and not toks[k].text.islower() and not _title_case(toks):
        return -1  # a capitalised form mid-sentence is a name or title ("Said Khan", "Hope")
    return start


def _read_active(r: Reading, sent: Sentence, toks: list[Token], k: int, head_k: int, cue_end: int, entry: Cue,
                 prev: Token | None, nxt: str) -> int:
    """Read an active reporting verb: check that the words around it fit its class, find its source and
    record it; return the last token index used."""
    if entry.base == "ask" and nxt == "not":
        return cue_end  # "who asked not to be named": a condition, not a report
    if entry.base == "call" and nxt in ("off", "up") and not entry.particle:
        return cue_end  # "called off the strike", "called up reserves": an action, not a report
    if entry.base in OBJECT_VERBS and entry.form in ("past", "pp") and nxt in PASSIVE_PREPOSITIONS \
            and not entry.particle and not hard_gap(r.text, toks, cue_end + 1):
        return cue_end  # "the two women quoted in the report": a passive participle after its noun
    cls = entry.cls
    if cls == "impression":
        _impression(r, toks, k, cue_end, entry, nxt)
        return cue_end
    participle = entry.form == "ing" and not _progressive(r, toks, k)  # ", saying …", not "is once again saying"
    if participle and prev is not None and prev.norm == "by" and k > 1 and toks[k - 2].norm.endswith(("ed", "en")):
        return k  # "may be identified by feeling the pulse": the means of a passive, whose subject acts not
    if participle and not (comma_gap(r.text, toks, k) or (prev is not None and prev.norm in PARTICIPLE_LEADS)):
        with_np = _with_subject(r, toks, k)  # "with analysts saying …"
        if with_np is not None and (cls not in CHECKED_CLASSES or _fits_class(r, toks, k, cue_end, cls, nxt)):
            return _credit(r, sent, toks, k, head_k, cue_end, entry, ((*with_np, *with_np), None, False))
    if cls in CHECKED_CLASSES and not _fits_class(r, toks, k, cue_end, cls, nxt) or participle and not (
            comma_gap(r.text, toks, k) or (prev is not None and prev.norm in PARTICIPLE_LEADS)):
        return k  # "sees the deal as a trap"; "his worst showing": a noun, not ", saying …"
    found = _source(r, sent, toks, k, head_k, cue_end, entry, participle)
    if found is None:
        return cue_end
    return _credit(r, sent, toks, k, head_k, cue_end, entry, found)


def _progressive(r: Reading, toks: list[Token], k: int) -> bool:
    """Whether the -ing form at token k follows a form of "be", past adverbs ("is once again questioning")."""
    j = k - 1
    while j >= 0 and toks[j].norm not in BE and skippable(r, toks[j]) and not hard_gap(r.text, toks, j + 1):
        j -= 1
    return j >= 0 and toks[j].norm in BE and not hard_gap(r.text, toks, j + 1)


def _with_subject(r: Reading, toks: list[Token], k: int) -> tuple[int, int] | None:
    """The noun phrase between "with" and the -ing cue at token k ("…, with analysts saying a rise is near"):
    the subject of an absolute clause, as (start, end) token indices."""
    text = r.text
    j = k - 1
    while j > 0 and k - j <= MAX_NP and not hard_gap(text, toks, j + 1) and toks[j].norm not in CLAUSE_WORDS:
        if toks[j].norm == "with" and toks[j].text.islower():
            return (j + 1, k) if j + 1 < k else None
        j -= 1
    return None


def _impression(r: Reading, toks: list[Token], k: int, cue_end: int, entry: Cue, nxt: str) -> None:
    """An impression in the writer's voice ("appears to", "seems"): the whole sentence, credited to nobody."""
    if nxt in ("to", "that", "as", "like") or (entry.base == "seem" and nxt):
        r.record("impression", r.tok_span(toks, k, cue_end + 1), None, r.tok_span(toks, 0, len(toks)),
                 SpeakerGuess("none", "", None, ()), entry.cls)


def _fits_class(r: Reading, toks: list[Token], k: int, cue_end: int, cls: str, nxt: str) -> bool:
    """Whether the words after the verb fit its class: a refusal takes "to", a view "as" or "to be", a
    clause verb a clause."""
    if cls == "refusal" and nxt != "to":
        return False
    if cls == "evidence":
        return nxt not in NOT_A_FINDING
    if cls == "as" and not any(t.norm == "as" or (t.norm == "to" and i + 1 < len(toks) and toks[i + 1].norm == "be")
                               for i, t in enumerate(toks[cue_end + 1:cue_end + 9], cue_end + 1)):
        return False  # "sees the deal as a trap", "perceived to be unfair"
    return cls != "clause" or _clause_follows(r, toks, k, cue_end)


def _clause_follows(r: Reading, toks: list[Token], k: int, cue_end: int) -> bool:
    """A clause-class verb counts before "that", a quotation, a colon/comma or the end, or after a quote."""
    n = len(toks)
    if cue_end + 1 >= n:
        return True
    nxt = toks[cue_end + 1].norm
    if nxt in ("that", "whether", "if", "why", "how", "what", "when", "who", "about"):
        return True
    between = r.text[toks[cue_end].end:toks[cue_end + 1].start]
    if between.strip(" ") and HARD_GAP.search(between):
        return True
    return hard_gap(r.text, toks, k) or any(r.quotes.before(toks, i) for i in range(max(0, k - 4), k + 1))


def _title_case(toks: list[Token]) -> bool:
    """A headline in title case ("Trump Says He Will Win"): capitalised verbs are still verbs."""
    long_words = [t for t in toks if len(t.text) > 3]
    return len(long_words) >= 3 and sum(t.text[:1].isupper() for t in long_words) >= 0.8 * len(long_words)


@cache
def _chain_forms() -> frozenset[str]:
    """Every form of the verbs that pass their subject to an infinitive cue ("continued to say")."""
    return frozenset(form for verb in CHAIN_VERBS for form in verb_forms(verb))


# --- the source --------------------------------------------------------------------------------------------
def _source(r: Reading, sent: Sentence, toks: list[Token], k: int, head_k: int, cue_end: int, entry: Cue,
            participle: bool) -> tuple[Subject, SpeakerGuess | None, bool] | None:
    """The source of the verb at token k, its type when already known, and whether it is inverted: for a
    participle the subject it shares; else an inverted subject after a comma or quotation, the subject
    before the verb, or the subject a coordinated verb shares ("He claimed vast wealth and said …")."""
    if participle:
        shared = _participle_source(r, toks, k)
        return None if shared is None else (shared[0], shared[1], False)
    opens_after_quote, after_quote = _after_quote(r, sent, toks, k)
    if not after_quote:
        if entry.cls in INVERTIBLE and entry.base != "tell" and k > 0 and comma_gap(r.text, toks, k):
            right = _inverted_between_commas(r, toks, cue_end)
            if right is not None:  # "…, the race will be tight, said Dan Gerstein"
                return (right[0], right[1], right[0], right[1]), None, True
        src = left_subject(r, toks, head_k)
        if src is not None:
            return src, None, False
    right = _inverted_after_break(r, toks, k, cue_end, entry, after_quote, opens_after_quote)
    if right is not None:
        return (right[0], right[1], right[0], right[1]), None, True
    if _coordinated(r, toks, k):
        shared = _participle_source(r, toks, k)
        if shared is not None:
            return shared[0], shared[1], False
    return None


def _after_quote(r: Reading, sent: Sentence, toks: list[Token], k: int) -> tuple[bool, bool]:
    """Whether the verb at token k opens its sentence right after a quotation ('"…?" said Smith' split by the
    sentence splitter, or 'Said Ellis: "…"'), and whether a quotation ends right before it at all."""
    opens_after_quote = k == 0 and (r.quotes.follows(sent) or toks[k].text == "Said")
    return opens_after_quote, opens_after_quote or (
        k > 0 and hard_gap(r.text, toks, k) and r.quotes.closes(toks, k))


def _inverted_after_break(r: Reading, toks: list[Token], k: int, cue_end: int, entry: Cue, after_quote: bool,
                          opens_after_quote: bool) -> tuple[int, int] | None:
    """A subject after the verb when a quotation or other hard punctuation comes before it ('"…," said
    Smith', "— says the ministry")."""
    cls = entry.cls
    if not (cls in INVERTIBLE or (after_quote and cls == "evidence")) or entry.base == "tell":
        return None
    if not (opens_after_quote or (k > 0 and hard_gap(r.text, toks, k))):
        return None
    if not _plain_gap(r, toks, cue_end + 1):
        return None  # 'agreed: "…"', 'tweeted, "…"': what follows is the quotation, not the speaker
    right = right_np(r, toks, cue_end + 1)
    if right is not None and inverted_ok(r, toks, right) and (
            after_quote or right[1] == len(toks) or comma_gap(r.text, toks, right[1])):
        return right
    return None


def _plain_gap(r: Reading, toks: list[Token], i: int) -> bool:
    """Only spaces between token i-1 and token i: an inverted subject follows its verb directly."""
    return i < len(toks) and not r.text[toks[i - 1].end : toks[i].start].strip()


def _inverted_between_commas(r: Reading, toks: list[Token], cue_end: int) -> tuple[int, int] | None:
    """A short source after the verb that ends the sentence or a comma-bounded aside ("…, said Dan Gerstein,")
    and is typed as a source."""
    right = right_np(r, toks, cue_end + 1) if _plain_gap(r, toks, cue_end + 1) else None
    if right is not None and (right[1] == len(toks) or comma_gap(r.text, toks, right[1])) and \
            inverted_ok(r, toks, right) and right[1] - right[0] <= 6 and not any(
                t.text.islower() and (t.norm.endswith("ed") or t.norm in BE) for t in toks[right[0]:right[1]]
            ) and classify(r, toks, right[0], right[1], "speech") is not None:
        return right
    return None


def _coordinated(r: Reading, toks: list[Token], k: int) -> bool:
    """Whether the verb at k follows "and"/"but" and shares the sentence's subject."""
    j = k - 1
    while j > 0 and skippable(r, toks[j]) and not hard_gap(r.text, toks, j + 1):
        j -= 1
    return j > 0 and toks[j].norm in ("and", "but", "then") and not hard_gap(r.text, toks, j + 1)


def _participle_source(r: Reading, toks: list[Token], k: int) -> tuple[Subject, SpeakerGuess] | None:
    """For ", saying …": the source of the sentence's earlier cue, else the sentence's opening subject."""
    sent_start = toks[0].start
    for att in reversed(r.found):
        if att.source is None or att.source.start < sent_start:
            break
        if att.source.end <= toks[k].start:
            s = next(i for i, t in enumerate(toks) if t.start >= att.source.start)
            e = next((i for i, t in enumerate(toks) if t.end >= att.source.end), s) + 1
            return (s, e, s, e), SpeakerGuess(att.source_type, att.head, att.speaker, att.roles, True)
    return _clause_subject(r, toks, k)


def _clause_subject(r: Reading, toks: list[Token], k: int) -> tuple[Subject, SpeakerGuess] | None:
    """The subject of the clause the verb at k is in, read rightwards from the clause's start."""
    b, after_comma = _clause_start(r.text, toks, k)
    if b < k and hard_gap(r.text, toks, b) and b > 0 and not after_comma:
        return None  # "But on Tuesday, …": the subject comes after an opening phrase we do not parse
    if b < k and r.quotes.inside(toks[b].start):
        return None
    e = _subject_end(r, toks, b, k)
    if e == b or any(
        toks[i].norm in BE and toks[i + 1].norm.endswith(("ed", "en")) and toks[i + 1].text.islower()
        for i in range(e, k - 1)
    ):
        return None  # "… may be identified by feeling the pulse and characterizing …": a passive's subject
    guess = classify(r, toks, b, e, "speech")
    return ((b, e, b, e), guess) if guess is not None else None


def _subject_end(r: Reading, toks: list[Token], b: int, k: int) -> int:
    """Where a subject read rightwards from token b ends: at the first word that cannot be in a name or a
    source noun phrase, after a pronoun, or at punctuation."""
    text = r.text
    nouns = r.lex.nouns
    e = b
    while e < k and e - b < MAX_NP and (e == b or not hard_gap(text, toks, e)):
        tok = toks[e]
        norm = tok.norm
        if not (tok.text[:1].isupper() or norm in SUBJECT_WORDS or norm in nouns):
            break
        e += 1
        if norm in PRONOUNS:
            break
    return e


def _clause_start(text: str, toks: list[Token], k: int) -> tuple[int, bool]:
    """The first word of the subject of the clause the verb at k is in, after a subordinating word and the
    linking and time words that open a clause; and whether it follows the comma that closes a subordinate
    clause or an opening phrase ("When Mook was asked …, he laughed and said", "In a speech on Tuesday,
    Trump struck a measured tone, saying")."""
    b, after_comma = 0, False
    for c in range(k - 1, -1, -1):  # "… when Trump spotted a sign and asked …": the clause's own subject
        if toks[c].norm in CLAUSE_OPENERS and (toks[c].text.islower() or c == 0) and not (
            toks[c].norm == "once" and c + 1 < k and toks[c + 1].norm in ("again", "more")
        ):
            b = c + 1
            break
    if b > 0 or toks[0].norm in OPENING_PHRASES:
        comma = next((m for m in range(b + 1, k) if _clause_comma(text, toks, m)), -1)
        if comma > 0:
            b, after_comma = comma, True
    while b < k and toks[b].norm in CLAUSE_LEADS:
        b += 1
    return b, after_comma


def _clause_comma(text: str, toks: list[Token], m: int) -> bool:
    """A comma (or dash) between token m-1 and token m that ends a clause, not one inside "15,000"."""
    between = text[toks[m - 1].end : toks[m].start]
    return comma_gap(text, toks, m) and between[-1:].isspace()


# --- typing and recording ----------------------------------------------------------------------------------
def _credit(r: Reading, sent: Sentence, toks: list[Token], k: int, head_k: int, cue_end: int, entry: Cue,
            found: tuple[Subject, SpeakerGuess | None, bool]) -> int:
    """Type the source found for the verb at k and record the attribution; return the last token index used."""
    src, guess, inverted = found
    if entry.cls == "quote" and not r.quotes.before(toks, min(src[0], k)) and not _quote_opens(r, toks, cue_end):
        return k
    if guess is None:
        guess = _subject_guess(r, toks, k, src, entry, inverted)
        if guess is None:
            return k
    last = cue_end if inverted else _extend_cue(r, toks, cue_end)
    words, quoted = content(r, sent, toks, k, last, src, inverted)
    r.record("quote" if quoted else "paraphrase", r.span(toks[head_k].start, toks[last].end),
             r.tok_span(toks, src[0], src[1]), words, guess, entry.cls)
    return max(last, src[1] - 1) if inverted else last


def _quote_opens(r: Reading, toks: list[Token], cue_end: int) -> bool:
    """Whether a quotation opens right after the cue, set off by a comma or colon ('He continued, "…"')."""
    p = toks[cue_end].end
    text = r.text
    end = min(len(text), p + 4)
    while p < end and text[p] in QUOTE_JOIN:
        p += 1
    return p in r.quotes.by_start and any(c in ",:" for c in text[toks[cue_end].end : p])


def _subject_guess(r: Reading, toks: list[Token], k: int, src: Subject, entry: Cue,
                   inverted: bool) -> SpeakerGuess | None:
    """Type the subject found for the verb at k, with the stricter test a present form needs."""
    form, cls = entry.form, entry.cls
    if form == "base" and not inverted and not _base_agrees(r, toks, k, src):
        return None  # "Mrs. Clinton has support", "Clinton support": a noun, not a plural subject's verb
    strict = cls
    if cls == "say" and form in ("base", "3sg") and src[3] - src[2] > 1 and not inverted \
            and not r.quotes.before(toks, min(src[0], k)):
        strict = "speech"  # "blue states": a present form needs a subject that looks like a source
    guess = classify(r, toks, src[2], src[3], strict)
    if guess is not None and src[1] > src[3] and guess.type == "named-person":
        guess = with_appositive_roles(r, toks, src, guess)
    return guess


def _base_agrees(r: Reading, toks: list[Token], k: int, src: Subject) -> bool:
    """A bare verb form needs a modal or "do" before it, or a plural subject ("officials say")."""
    j = k - 1
    while j >= 0 and skippable(r, toks[j]) and toks[j].norm not in HAVE and not hard_gap(r.text, toks, j + 1):
        if toks[j].norm in BASE_LICENSORS:
            return True
        j -= 1
    if j >= 0 and toks[j].norm in HAVE:
        return False  # "has support": after "have" a bare form is a noun
    if j >= 0 and toks[j].norm in BASE_LICENSORS:
        return True
    head = next((i - 1 for i in range(src[2] + 1, src[3]) if toks[i].norm in PREPOSITIONS), src[3] - 1)
    if _plural(r.lex, toks[head].norm) and toks[head].norm in r.lex.vague:
        return True  # "Many residents of the Old Harbor neighborhood say": the group before "of" agrees
    if toks[head].norm not in r.lex.documents:
        head = src[3] - 1  # "55 percent of all voters say": the group after "of" agrees
    return _plural(r.lex, toks[head].norm)  # "FEC records from the 2008 cycle show": "records" agrees


def _plural(lex: CueLexicon, head: str) -> bool:
    """Whether a subject's head word is plural (or "I", "you"), so a bare verb form agrees with it."""
    if head in PLURAL_SUBJECTS or head in lex.demonyms or (head in lex.nouns and head.endswith("s")):
        return True
    return head.endswith("s") and not head.endswith(("'s", "ss", "us", "is"))


def _extend_cue(r: Reading, toks: list[Token], cue_end: int) -> int:
    """Stretch "said" to "said in a statement" when those words follow; return the cue's last token."""
    n = len(toks)
    i = cue_end + 1
    if i + 2 < n and toks[i].norm == "in" and toks[i + 1].norm in ("a", "an") and not hard_gap(r.text, toks, i):
        j = i + 2
        if toks[j].norm in STATEMENT_KINDS and j + 1 < n:
            j += 1
        if toks[j].norm in STATEMENTS:
            return j
    return cue_end
