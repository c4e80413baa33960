"""Built-in attribution rules: claims whose source a reader cannot see.

Every rule reads ``doc.attributions`` (``rhetlint.analysis.attribution``): who the draft credits with which
words. The rules judge the writer's voice, so by default they skip cues inside direct quotations. Their scope
is the whole document: pronouns, surnames and explanations of anonymity are resolved across paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from rhetlint import Finding, hookimpl, rule
from rhetlint.analysis import NOUN_MARKERS, lexicon, tagged_phrases, word_set

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rhetlint import Attribution, Document, Sentence
    from rhetlint.rules import Options

__version__ = "0.1.0"

# Phrases that explain why a source is unnamed (AP and Reuters ask writers to say why anonymity was granted).
DEFAULT_ANONYMITY_REASONS = [
    "condition of anonymity", "on condition that", "spoke anonymously", "speaking anonymously",
    "requested anonymity", "insisted on anonymity", "granted anonymity", "in exchange for anonymity",
    "not authorized", "not authorised", "not permitted to", "not allowed to", "not cleared to",
    "declined to be named", "declined to be identified", "asked not to be named", "asked not to be identified",
    "not to be named", "not to be identified", "without being named", "without being identified",
    "could not be named", "cannot be named", "fear of reprisal", "fear of retaliation", "for fear of",
    "on background", "because of the sensitivity", "to discuss private", "to discuss internal",
    "to discuss confidential", "to speak publicly", "to speak on the record", "to comment publicly",
]
# How far (in characters) an explanation of anonymity reaches to other mentions of the same unnamed source.
EXPLANATION_WINDOW = 2000
# Kinds of unsourced claim A101 looks for (see rhetlint/data/attribution_claims.txt); "group" is a claim
# about what a group thinks or wants ("Republicans want").
CLAIM_KINDS = ["certainty", "judgement", "prediction", "motive", "fact", "group"]
# Which claim marker a sentence is reported by when it has several: a forecast, motive or disputed fact
# says most, and an evaluative word or a "clearly" usually draws a loaded-language finding of its own
# (this rule yields to those), so they come last.
MARKER_RANK = {"prediction": 0, "motive": 0, "fact": 1, "judgement": 2, "certainty": 3}
# Modal verbs after which an effect verb is a prediction ("will doom", "could cripple").
MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "won't", "wouldn't", "'ll"})
# Adverbs that may sit between a modal and its verb ("will surely doom", "could eventually cripple").
MODAL_ADVERBS = frozenset({"surely", "certainly", "likely", "probably", "inevitably", "eventually", "only",
                           "further", "also", "soon", "quickly", "badly", "seriously", "permanently", "not",
                           "ultimately", "fatally", "even"})
# A citation in the text: "[3]", "[^note]", "(Smith 2019)", "(Smith et al., 2019)".
CITATION = re.compile(r"\[\^?\w{1,20}\]|\([A-Z][^()]{0,80}\b(?:1[89]|20)\d\d[a-z]?\)")
# A named study, poll or report: "a Pew Research Center survey", "a study by Harvard", "the 2023 Census".
NAMED_STUDY = re.compile(
    r"\b(?i:stud(?:y|ies)|polls?|surveys?|reports?|research|analys[ie]s|papers?|data|census|audit)\s+"
    r"(?:by|from|of|in|published|released|conducted|commissioned)\s+(?:the\s+|a\s+)?(?:\d{4}\s+)?[A-Z]"
    r"|\b(?!(?:The|An?|Some|Many|Most|Several|Other|New|Recent|These|Those|Such|One|Two|Three|Recent)\b)"
    r"[A-Z][\w.&'’-]+(?:\s+[A-Z][\w.&'’-]+)*\s+(?:\d{4}\s+)?(?:stud(?:y|ies)|polls?|surveys?|reports?|"
    r"research|analysis|paper|census|audit)\b")
# Cue classes that report a view rather than speech: a group "wanting" something is the writer's claim.
VIEW_CLASSES = frozenset({"belief", "as"})
# Cue classes whose verbs credit a claim to someone ("said", "believes", "found").
REPORTING_CLASSES = frozenset({"say", "speech", "clause", "belief", "as", "evidence", "quote"})
# Source types that count as sourcing for A101 (vague and place sources have their own rules).
SOURCED_TYPES = frozenset({"named-person", "named-organisation", "anonymous", "vague", "place-for-government"})


# --- A102 ----------------------------------------------------------------------------------------------
@rule(code="A102", name="vague-attribution", category="attribution", severity="warning",
      options={"quote_aware": True, "extra_vague_sources": []})
def vague_attribution(doc: Document, options: Options) -> Iterator[Finding]:
    """Views credited to an unnamed crowd or authority ("critics say", "it is widely believed").

    ## What it flags
    Weasel attributions: a view credited to "critics", "some", "many", "experts", "observers" or "people",
    or to a crowd of office-holders with no count or description ("officials said", "lawmakers say");
    an agentless report such as "it is widely believed", "is said to" or "is widely seen as"; set phrases
    such as "conventional wisdom" and "international expectations"; and "research shows" or "studies
    found" when the sentence names no study, poll or report and links to none.

    ## Why it matters
    A reader cannot weigh a view without knowing who holds it or how many do. Wikipedia's Manual of Style
    ("Words to watch: unsupported attributions") and news style guides treat these phrases as a way to
    slip the writer's opinion, or a rumour, in as if it were established.

    ## Example
        Critics say the new stadium will never pay for itself.
        It is widely believed that the mayor will not run again.

    ## Instead
        Council member Dana Ortiz, who voted against the subsidy, said the stadium will never pay for itself.
        Two people close to the mayor said he has told allies he will not run again.

    Add your own vague nouns with ``extra-vague-sources = ["bystanders", "onlookers"]``.
    """
    extra = frozenset(w.lower() for w in options.extra_vague_sources)
    reported = _Reported(doc)
    for att in doc.attributions:
        if options.quote_aware and _cue_in_quote(doc, att):
            continue
        vague = att.source_type == "vague" or (att.head in extra and att.source is not None)
        if not vague or att.resolved or reported.covers(att):
            continue
        sentence = doc.sentence_at((att.cue or att.source).start)  # type: ignore[union-attr]
        research = att.head in _research_words()
        if research and sentence is not None and _cites(doc, sentence):
            continue  # "a study by the Pew Research Center found": the study is named
        start, end = _claim_span(att)
        phrase = _quoted(doc, start, end)
        if research:
            message = f"{phrase} names no study, poll or report: cite which one, or link to it"
        elif att.source is None:
            message = f"{phrase} does not say who holds this view: name the people or the evidence"
        else:
            message = f"{phrase} credits an unnamed crowd: name who says so, or how many"
        yield Finding(start, end, message, data={"source_type": att.source_type, "head": att.head})


# --- A103 ----------------------------------------------------------------------------------------------
@rule(code="A103", name="anonymous-source", category="attribution", severity="info",
      options={"quote_aware": True, "anonymity_reasons": DEFAULT_ANONYMITY_REASONS, "extra_anonymous_sources": []})
def anonymous_source(doc: Document, options: Options) -> Iterator[Finding]:
    """An unnamed source ("a senior official said") with no stated reason for anonymity.

    ## What it flags
    The first mention of each unnamed source ("sources", "a senior official", "two officials", "people
    familiar with the talks", "Israeli officials privately dismissed …") when neither the mention, its sentence, the
    next sentence nor another mention of the same source says why the source is not named.

    ## Why it matters
    The AP, Reuters and the SPJ code allow anonymous sources only when the information is essential and
    available no other way, and ask the writer to say why anonymity was granted and to describe the source
    as precisely as possible. Without that, a reader cannot tell who is speaking, what they stand to gain,
    or why the publication trusts them.

    A crowd of office-holders with no count or description ("officials said", "administration officials
    said") is a vague source, flagged by vague-attribution instead.

    ## Example
        A senior official said the talks had stalled.

    ## Instead
        Two officials in the trade ministry, who spoke on condition of anonymity because they were not
        authorized to discuss the talks, said the talks had stalled.

    The phrases that count as an explanation are the ``anonymity-reasons`` option.
    """
    reasons = _reason_pattern(tuple(options.anonymity_reasons))
    extra = frozenset(w.lower() for w in options.extra_anonymous_sources)
    reported = _Reported(doc)
    mentions = [att for att in doc.attributions if att.source is not None and (
        (att.source_type == "anonymous" and att.head in _unnamed_heads())
        or (att.head in extra and att.source_type != "named-person"))]
    # "a manager at the mine, who spoke on condition of anonymity …" explains "the manager said" later on,
    # and "company officials said" is explained by "The officials, who asked not to be named, …" after it
    explained = [(_group_key(a), a.source.start) for a in mentions if _explained(doc, a, reasons)]  # type: ignore[union-attr]
    flagged: dict[str, int] = {}
    for att in mentions:
        if att.resolved:
            continue  # "they said", "the people said": a later mention of a source already seen
        key, at = _group_key(att), att.source.start  # type: ignore[union-attr]
        if any(k == key and abs(at - where) <= EXPLANATION_WINDOW for k, where in explained):
            continue
        if key in flagged and at - flagged[key] <= EXPLANATION_WINDOW:
            continue  # one note per unnamed source
        if (options.quote_aware and _cue_in_quote(doc, att)) or reported.covers(att):
            continue
        flagged[key] = at
        start, end = _claim_span(att)
        yield Finding(start, end,
                      f"{_quoted(doc, start, end)} does not name the source or say why it is unnamed: readers "
                      f"cannot tell who is speaking or why they should be trusted",
                      data={"source_type": att.source_type, "head": att.head})


# --- A104 ----------------------------------------------------------------------------------------------
@rule(code="A104", name="place-as-speaker", category="attribution", severity="info",
      options={"quote_aware": True, "ignore_places": []})
def place_as_speaker(doc: Document, options: Options) -> Iterator[Finding]:
    """A country, capital or people standing in for a speaker ("Jerusalem considers", "Israel sees").

    ## What it flags
    A country, capital, seat of power ("the Kremlin") or a people ("the Israelis") used as the source of a
    view or statement: "Jerusalem considers the deal a trap", "Damascus rejects the plan", "Washington
    believes", "Israelis want".

    ## Why it matters
    A government speaks through people and offices, and a population does not hold one view. Naming the
    place hides who said it (the prime minister, a ministry spokesperson, one faction) and lets an
    unattributed view read like a national consensus.

    ## Example
        Jerusalem considers the proposal a trap.

    ## Instead
        Prime Minister Naftali Bennett's office called the proposal a trap in a statement on Tuesday.

    Names you accept as speakers (for example an agency that shares its city's name) go in
    ``ignore-places``.
    """
    ignore = frozenset(p.lower() for p in options.ignore_places)
    reported = _Reported(doc)
    for att in doc.attributions:
        if att.source_type != "place-for-government" or att.source is None or att.resolved:
            continue
        if reported.covers(att):
            continue  # "Smith said Israel sees …": the view is Smith's account
        if (att.speaker or "").lower() in ignore or att.head in ignore:
            continue
        if options.quote_aware and _cue_in_quote(doc, att):
            continue
        start, end = _claim_span(att)
        place = att.speaker or doc.source[att.source.start:att.source.end]
        yield Finding(start, end,
                      f"{_quoted(doc, start, end)} makes '{place}' the speaker: name who holds or stated this "
                      f"view (an official, an office, a spokesperson)",
                      data={"place": place})


# --- A101 ----------------------------------------------------------------------------------------------
@rule(code="A101", name="unsourced-claim", category="attribution", severity="info",
      options={"quote_aware": True, "kinds": CLAIM_KINDS, "extra_markers": []}, yields_to=("loaded-language",))
def unsourced_claim(doc: Document, options: Options) -> Iterator[Finding]:
    """A judgement, prediction, motive or contested fact in the writer's voice with no source.

    ## What it flags
    A sentence outside quotations, headings included, that asserts a judgement ("a disastrous plan"),
    vouches for itself ("clearly", "of course"), predicts ("is bound to", "will doom", "perhaps fatally"),
    claims a motive ("in a bid to", "a ploy") or what a group thinks or wants ("Republicans want"), when
    nothing in the sentence attributes it, it is not part of a quotation or paraphrase credited to someone,
    and it has no link or citation. Plain description ("The meeting was held Monday in Geneva.") is quiet.

    ## Why it matters
    News style asks that opinions and disputable claims be attributed where they appear. A judgement or
    forecast in the writer's voice reads as established fact; a reader cannot check it or weigh who made it.

    ## Example
        The council's disastrous vote will doom the harbor project.

    ## Instead
        The council voted 5-2 against the harbor project, which its backers said would end it.

    Choose which kinds of claim to report with ``kinds`` (certainty, judgement, prediction, motive, fact,
    group) and add phrases with ``extra-markers = ["a slap in the face"]`` (reported as judgements).

    When a loaded-language rule flags the same words ("Clearly" is also L104 editorializing, "disastrous"
    also L101 emotive-language), only that finding is shown: one word, one finding. With the
    loaded-language rules switched off, this rule reports them.
    """
    kinds = frozenset(options.kinds)
    index = _marker_index(tuple(m.lower() for m in options.extra_markers))
    attributed = _attributed_sentences(doc)
    groups = _group_claims(doc) if "group" in kinds else {}
    tokens = doc.tokens
    sentences = doc.sentences
    markers: dict[int, tuple[int, int, str]] = {}  # sentence index -> its most telling claim marker
    anchors = index.anchors
    for k in [i for i, t in enumerate(tokens) if t.norm in anchors]:  # one cheap pass over the words
        si = doc.sentence_index(tokens[k].start)
        if si < 0 or si in attributed or tokens[k].start >= sentences[si].end or (
                si in markers and MARKER_RANK[markers[si][2]] == 0):
            continue
        sentence = sentences[si]
        lo = doc.token_index(sentence.start, 0, k + 1)
        hit = _match_marker(tokens, k, lo, doc.token_index(sentence.end, k), index, kinds)
        if hit is not None and not (options.quote_aware and doc.in_quote(hit[0])) and (
                si not in markers or MARKER_RANK[hit[2]] < MARKER_RANK[markers[si][2]]):
            markers[si] = hit
    for si in sorted(markers.keys() | groups.keys()):
        sentence = sentences[si]
        if si in attributed or doc.blocks[sentence.block].quoted:
            continue
        group = groups.get(si)
        if group is None:
            a = doc.token_index(sentence.start)
            if _reports_in(doc, tokens, a, doc.token_index(sentence.end, a)):
                continue  # a reporting verb the analysis could not pin to a source: probably someone's claim
        if _links_or_cites(doc, sentence):
            continue
        if group is not None:  # "Democrats fear the split will hurt Clinton": the group claim is the finding
            start, end = _claim_span(group)
            yield Finding(start, end,
                          f"{_quoted(doc, start, end)} states what a whole group thinks or wants with no "
                          f"source: cite a poll, a vote or a named spokesperson", data={"kind": "group"})
        else:
            start, end, kind = markers[si]
            yield Finding(start, end, _claim_message(doc.source[start:end], kind), data={"kind": kind})


def _claim_message(phrase: str, kind: str) -> str:
    what = {
        "certainty": "vouches for the claim in the writer's voice",
        "judgement": "is a judgement in the writer's voice",
        "prediction": "predicts an outcome in the writer's voice",
        "motive": "asserts a motive in the writer's voice",
        "fact": "presents a disputable claim as settled",
    }[kind]
    return f"'{phrase}' {what} with no source: attribute it, or state the facts behind it"


# --- shared helpers --------------------------------------------------------------------------------------
class _Reported:
    """Content spans credited to a named or anonymous source: a view reported inside one is that source's."""

    def __init__(self, doc: Document) -> None:
        # A stance ("voted on a plan that critics say …") credits no words: its object is not reported speech.
        spans = sorted((a.content.start, a.content.end, a.cue.start if a.cue else -1) for a in doc.attributions
                       if a.content is not None and a.cue_class != "stance"
                       and a.source_type in ("named-person", "named-organisation", "anonymous"))
        self.spans = spans
        self.longest = max((e - s for s, e, _ in spans), default=0)
        self.starts = [s for s, _, _ in spans]

    def covers(self, att: Attribution) -> bool:
        anchor = att.cue or att.source
        if anchor is None:
            return False
        offset = anchor.start
        i = bisect_right(self.starts, offset) - 1
        while i >= 0 and offset - self.spans[i][0] <= self.longest:
            start, end, cue = self.spans[i]
            if start <= offset < end and cue != offset:
                return True
            i -= 1
        return False


def _cue_in_quote(doc: Document, att: Attribution) -> bool:
    anchor = att.cue or att.source
    return anchor is not None and doc.in_quote(anchor.start)


def _claim_span(att: Attribution) -> tuple[int, int]:
    """The source and cue together ("critics say", "Jerusalem considers"), or the cue alone."""
    parts = [s for s in (att.source, att.cue) if s is not None]
    start = min(s.start for s in parts)
    end = max(s.end for s in parts)
    if att.source is not None and att.cue is not None and end - start > 80:
        return att.source.start, att.source.end  # a long appositive in between: point at the source
    return start, end


def _quoted(doc: Document, start: int, end: int) -> str:
    text = " ".join(doc.source[start:end].split())
    return f"'{text if len(text) <= 60 else text[:59] + '…'}'"


def _group_key(att: Attribution) -> str:
    """Mentions of one unnamed source share a key, their head noun in the singular: "two senior officials",
    "the official" -> "official"; "people familiar with", "a person briefed on" -> "person"."""
    head = att.head
    if head == "people":
        return "person"
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def _explained(doc: Document, att: Attribution, reasons: re.Pattern[str]) -> bool:
    """Whether the source's mention, sentence or the next sentence in its paragraph says why it is unnamed."""
    sentence = doc.sentence_at(att.source.start)  # type: ignore[union-attr]
    if sentence is None:
        return reasons.search(att.source.text.lower()) is not None  # type: ignore[union-attr]
    lo, hi = sentence.start, sentence.end
    index = doc.sentence_index(sentence.start)
    if index + 1 < len(doc.sentences) and doc.sentences[index + 1].block == sentence.block:
        hi = doc.sentences[index + 1].end
    return reasons.search(doc.text[lo:hi].lower()) is not None


@cache
def _reason_pattern(reasons: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled alternation of the anonymity explanations (an empty list matches nothing)."""
    if not reasons:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(re.escape(" ".join(r.lower().split())) for r in reasons))


@cache
def _unnamed_heads() -> frozenset[str]:
    """Heads of anonymous sources worth a note: "officials", "sources", roles without a name, "people familiar"."""
    return word_set("attribution_anonymous") | word_set("attribution_titles") | {"people", "those", "one"}


@cache
def _research_words() -> frozenset[str]:
    """Vague heads that stand for evidence rather than people ("research shows", "studies found")."""
    return frozenset({"research", "studies", "study", "polls", "poll", "surveys", "survey", "data", "evidence",
                      "science", "reports", "analysis", "analyses", "findings", "statistics", "figures"})


def _cites(doc: Document, sentence: Sentence) -> bool:
    return NAMED_STUDY.search(doc.text, sentence.start, sentence.end) is not None or _links_or_cites(doc, sentence)


def _links_or_cites(doc: Document, sentence: Sentence) -> bool:
    """A link or a citation inside the sentence supplies its source."""
    for link in doc.links:
        if link.start < sentence.end and sentence.start < link.end:
            return True
    return CITATION.search(doc.source, sentence.start, sentence.end) is not None


def _attributed_sentences(doc: Document) -> set[int]:
    """Indices of sentences that credit someone: a sourced cue in them, or inside a credited content span."""
    out: set[int] = set()
    sentences = doc.sentences
    for att in doc.attributions:
        if att.source_type not in SOURCED_TYPES:
            continue
        if att.cue_class in VIEW_CLASSES and _is_group(att):
            continue  # "Republicans want …" is itself the claim (reported by the "group" kind)
        for span in (att.cue, att.source):
            if span is not None:
                out.add(doc.sentence_index(span.start))
        if att.content is not None:
            first = doc.sentence_index(att.content.start)
            last = doc.sentence_index(max(att.content.start, att.content.end - 1))
            out.update(range(max(first, 0), last + 1))
    out.discard(-1)
    return {i for i in out if i < len(sentences)}


def _is_group(att: Attribution) -> bool:
    """A plural organisation or group as the holder of a view ("Republicans", "the unions")."""
    return att.source_type == "named-organisation" and att.head.endswith("s") and att.speaker is not None


def _reports_in(doc: Document, tokens: list[Any], a: int, b: int) -> bool:
    """Whether tokens a..b hold a reporting verb outside quotations ("what he perceived", "as critics
    put it"): the claim is probably someone's, even when the analysis found no clear source for it."""
    cues = lexicon().cues
    for k in range(a, b):
        tok = tokens[k]
        entries = cues.get(tok.norm)
        if entries is None or not tok.text.islower() or doc.in_quote(tok.start):
            continue
        if k > a and tokens[k - 1].norm in NOUN_MARKERS:
            continue
        if any(e.cls in REPORTING_CLASSES for e in entries):
            return True
    return False


def _group_claims(doc: Document) -> dict[int, Attribution]:
    """Sentence index -> the first claim in it about what a whole group thinks or wants."""
    out: dict[int, Attribution] = {}
    for att in doc.attributions:
        if att.cue is None or att.cue_class not in VIEW_CLASSES or not _is_group(att):
            continue
        if not doc.in_quote(att.cue.start):
            out.setdefault(doc.sentence_index(att.cue.start), att)
    return out


class _Markers(NamedTuple):
    """Claim markers indexed by their rarest-looking word, so the scan stops on few words."""

    single: dict[str, str]  # one-word marker -> kind
    anchored: dict[str, tuple[tuple[tuple[str, ...], int, str], ...]]  # anchor -> (words, anchor index, kind)
    anchors: frozenset[str]  # every word that can start a match


@cache
def _marker_index(extra: tuple[str, ...]) -> _Markers:
    """Index the shipped claim markers and ``extra`` phrases (reported as judgements). A phrase is found by
    its longest word ("bid" in "in a bid to"), which is rarer than its first ("in")."""
    kinds = {"certainty", "judgement", "prediction", "effect", "motive", "fact"}
    single: dict[str, str] = {}
    anchored: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
    rows = list(tagged_phrases("attribution_claims", kinds, max_tags=1)) + [(e, ("judgement",)) for e in extra]
    for phrase, tags in rows:
        words = tuple(phrase.split())
        if not words or not tags:
            continue
        if len(words) == 1:
            single.setdefault(words[0], tags[0])
            continue
        at = max(range(len(words)), key=lambda i: (len(words[i]), i))
        anchored.setdefault(words[at], []).append((words, at, tags[0]))
    frozen = {w: tuple(sorted(v, key=lambda e: -len(e[0]))) for w, v in anchored.items()}
    return _Markers(single, frozen, frozenset(single) | frozenset(anchored))


def _match_marker(tokens: list[Any], k: int, lo: int, hi: int, index: _Markers,
                  kinds: frozenset[str]) -> tuple[int, int, str] | None:
    """Match a claim marker around token k (within tokens lo..hi); effect verbs need a modal before them."""
    norm = tokens[k].norm
    for words, at, phrase_kind in index.anchored.get(norm, ()):
        first = k - at
        last = first + len(words) - 1
        if first >= lo and last < hi and phrase_kind in kinds and all(
                tokens[first + i].norm == w for i, w in enumerate(words)):
            return tokens[first].start, tokens[last].end, phrase_kind
    kind = index.single.get(norm)
    if kind is None:
        return None
    if kind == "effect":
        j = k - 1
        while j >= lo and tokens[j].norm in MODAL_ADVERBS:
            j -= 1
        if j < lo or tokens[j].norm not in MODALS or "prediction" not in kinds:
            return None
        return tokens[j].start, tokens[k].end, "prediction"
    return (tokens[k].start, tokens[k].end, kind) if kind in kinds else None


@hookimpl
def rhetlint_register_rules(register):
    for r in (unsourced_claim, vague_attribution, anonymous_source, place_as_speaker):
        register(r)
