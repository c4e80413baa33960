"""Group attributions into sources: each person, organisation, place or unnamed group the draft quotes.

A source collects every attribution credited to the same speaker ("Ana Ruiz", "Ruiz", "she" resolved to her),
or, for unnamed sources, to the same description ("officials", "critics"). Later analyses (which side each
source takes) fill ``side`` and ``side_evidence``; this module leaves them empty.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rhetlint.analysis.attribution import Attribution
from rhetlint.analysis.attribution.grammar import MODALS, NEGATIONS
from rhetlint.analysis.identity import resolve_identities
from rhetlint.analysis.wordlists import word_set
from rhetlint.model.document import Span

if TYPE_CHECKING:
    from rhetlint.model.document import Document

# Leading words dropped when unnamed sources are grouped by description ("two senior officials" ~ "officials").
GROUP_DROP = frozenset(
    {
        "the",
        "a",
        "an",
        "some",
        "several",
        "many",
        "most",
        "two",
        "three",
        "four",
        "five",
        "other",
        "one",
        "these",
        "those",
        "this",
        "that",
        "few",
        "numerous",
        "various",
        "senior",
        "top",
        "former",
        "unnamed",
        "anonymous",
    }
)
# Source types that are not a source of their own (nothing was credited to anyone).
NOT_A_SOURCE = frozenset({"none"})


@dataclass
class Source:
    """One speaker and everything the draft credits to them."""

    name: str
    type: str  # one of rhetlint.analysis.attribution.SOURCE_TYPES
    mentions: list[Span] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quoted_words: int = 0  # words inside direct quotations credited to this source
    has_direct_quote: bool = False
    first_offset: int = 0
    side: str | None = None
    side_evidence: Any = None
    roles: tuple[str, ...] = ()  # title and role words the story gives the source ("chief", "senator")
    affiliation: str = ""  # the organisation the source speaks for or belongs to, when the story says
    affiliation_evidence: Span | None = None  # the words that say so


def group_sources(doc: Document) -> list[Source]:
    """Return the document's sources in order of first mention."""
    groups: dict[tuple[str, str], Source] = {}
    unnamed_by_head: dict[str, tuple[str, str]] = {}  # "official" -> the last unnamed source with that head
    inside = _NestedIn(doc.text, doc.attributions)
    for att in doc.attributions:
        if att.source_type in NOT_A_SOURCE or (att.source is None and att.speaker is None):
            continue
        if not credits_words(doc, att) or inside.reported(att):
            continue
        for partner in co_subjects(doc, att):
            _add(doc, groups, unnamed_by_head, partner)
        _add(doc, groups, unnamed_by_head, att)
    return resolve_identities(doc, sorted(groups.values(), key=lambda s: s.first_offset))


# How far into a reported statement a nested source may start ("he said [that] China did not want …"): a
# paraphrase's words may run on past its clause, and a source further in begins a statement of its own.
NESTED_REACH = 12
# Punctuation or a conjunction that ends the reported clause before a source ("…, but Sanders pointed").
CLAUSE_BREAK = re.compile(r"[,;:–—()]|\b(?:but|while|though|although|whereas|and)\b")


class _NestedIn:
    """The paraphrases that report what someone said: a clause nested in one ("he said China did not want
    them to win") is part of that source's statement, not a source of its own, as newsroom counts of sources
    have it. One bisection per attribution."""

    def __init__(self, text: str, attributions: list[Attribution]) -> None:
        self.text = text
        spans = sorted(
            (a.content.start, a.content.end, a.source.start)
            for a in attributions
            if a.kind == "paraphrase"
            and a.cue_class == "say"
            and a.content is not None
            and a.source is not None
        )
        self.starts = [start for start, _, _ in spans]
        self.spans = spans
        self.longest = max((end - start for start, end, _ in spans), default=0)

    def reported(self, att: Attribution) -> bool:
        """Whether the attribution's cue and source lie inside another source's reported statement."""
        if att.cue is None or att.source is None or not self.spans:
            return False
        lo = bisect_left(self.starts, att.cue.start - self.longest)
        hi = bisect_right(self.starts, att.source.start)
        return any(
            start <= att.source.start <= start + NESTED_REACH
            and att.cue.end <= end
            and outer != att.source.start
            and not CLAUSE_BREAK.search(self.text, start, att.source.start)
            for start, end, outer in self.spans[lo:hi]
        )


# Cues that, refused or negated, credit nobody with anything ("declined to comment", "did not respond").
REFUSED = frozenset({"comment", "respond", "responded", "return", "returned", "reply", "replied", "declined"})


def credits_words(doc: Document, att: Attribution) -> bool:
    """Whether an attribution credits its source with words or a view. A refusal ("declined to comment",
    "did not respond to calls") credits nothing, and nor does a position given as a description in a
    relative clause ("the Taxpayers League, which opposes the subsidy"): newsroom counts of sources leave
    both out; nor does a relative clause that says who wrote a document ("who wrote the ordinance")."""
    cue = att.cue
    if cue is None:
        return True
    word = cue.text.lower()
    if word == "declined" and doc.text[cue.end : cue.end + 12].lower().startswith(" to comment"):
        return False
    before = doc.text[max(0, cue.start - 12) : cue.start].lower().split()
    if before and before[-1] in MODALS and att.kind != "quote":
        return False  # what someone could or will say is not yet said
    if word in REFUSED:
        if before and (before[-1] in NEGATIONS or before[-1].endswith("n't")):
            return False
    relative = att.source is not None and att.source.text.rstrip().lower().endswith((", which", ", who"))
    if att.cue_class == "stance" and relative:
        return False
    described = att.source is not None and att.source.text.rstrip().lower().endswith((" who", " which"))
    if described and word in AUTHORSHIP and att.content is not None:
        first = att.content.text.split()[:1]
        if first and first[0].lower() in ("the", "a", "an", "this", "its", "his", "her", "their"):
            return False  # "Tamsin Roe, who wrote the ordinance, said", "a Democrat who wrote the measure"
    return True


# Verbs of writing that, with a document as their object in a relative clause, describe an author.
AUTHORSHIP = frozenset({"wrote", "writes", "write", "written", "authored", "drafted", "co-wrote", "penned"})


def _add(
    doc: Document,
    groups: dict[tuple[str, str], Source],
    unnamed_by_head: dict[str, tuple[str, str]],
    att: Attribution,
) -> None:
    """Credit ``att`` to the source it names, creating that source on first mention."""
    name = att.speaker or describe(att)
    if not name:
        return
    key = _group_key(att, name, unnamed_by_head)
    source = groups.get(key)
    if source is None:
        anchor = att.source or att.cue or att.content
        source = groups[key] = Source(name, att.source_type, first_offset=anchor.start if anchor else 0)
    _credit(doc, source, att)


# A named speaker joined to the source by "and" ("Sen. Ann Smith and Rep. Bo Jones urged"): its last words.
CO_SUBJECT = re.compile(r"(?:^|[\s(])((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+),?\s+and\s+(?:the\s+)?$")


def co_subjects(doc: Document, att: Attribution) -> list[Attribution]:
    """The other named speakers of a joint subject ("Smith and Jones said"): the same attribution, credited to
    each name before "and" in the same sentence."""
    if att.source is None or att.source_type not in ("named-person", "named-organisation"):
        return []
    sentence = doc.sentence_at(att.source.start)
    lo = max(sentence.start if sentence else 0, att.source.start - 80)
    m = CO_SUBJECT.search(doc.text, lo, att.source.start)
    if m is None:
        return []
    name = m.group(1)
    words = name.split()
    if words[0].lower() in CO_SUBJECT_STOP or words[-1].lower() in CO_SUBJECT_STOP:
        return []
    org_words = word_set("attribution_org_words")
    kind = "named-organisation" if any(w.lower() in org_words for w in words) else "named-person"
    span = Span(m.start(1), m.end(1), name)
    return [
        att._replace(source=span, speaker=" ".join(words), source_type=kind, head=words[-1].lower(), roles=())
    ]


# Capitalised words that open a sentence or clause rather than name someone ("But Smith and Jones said").
CO_SUBJECT_STOP = frozenset(
    "but and or so then when while after before if as the a an in on at by for from with this that these "
    "those it he she they we i".split()
)


def _group_key(att: Attribution, name: str, unnamed_by_head: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The source an attribution belongs to; a resolved unnamed mention ("the official said") joins the last
    unnamed source with the same head word, which ``unnamed_by_head`` keeps."""
    key = (_family(att.source_type), name.lower())
    if att.speaker is None and att.head:
        if (att.resolved or _definite(att)) and att.head in unnamed_by_head:
            # "the official said" after "a senior official, who …, said"; "The officials, who asked not to
            # be named, said" after "company officials said"; "the manager said" after "a manager at the mine"
            return unnamed_by_head[att.head]
        unnamed_by_head[att.head] = key
    return key


def _definite(att: Attribution) -> bool:
    """A source named by "the" and its head alone, before any relative clause: "the manager", "The
    officials, who asked not to be named"."""
    if att.source is None:
        return False
    words = named_part(att.source).text.split(",")[0].split()
    return len(words) == 2 and words[0].lower() == "the" and words[1].lower() == att.head


def _credit(doc: Document, source: Source, att: Attribution) -> None:
    """Add an attribution to its source: its mention, its roles, and the words of a direct quotation."""
    source.attributions.append(att)
    source.roles = tuple(dict.fromkeys(source.roles + tuple(att.roles)))
    if att.source is not None:
        source.mentions.append(named_part(att.source))
        source.first_offset = min(source.first_offset, att.source.start)
    if att.kind == "quote" and att.content is not None:
        source.has_direct_quote = True
        source.quoted_words += len(doc.tokens_between(att.content.start, att.content.end))


# Where a relative clause starts inside a source's words: what follows describes the source and may name
# someone else ("Lynne DiSanto, who sponsored a bill that Daugaard vetoed").
RELATIVE_CLAUSE = re.compile(r",?\s+(?:who|whom|whose|which)\s", re.IGNORECASE)


def named_part(span: Span) -> Span:
    """A mention without the relative clause that describes it, so that a mention names one source."""
    m = RELATIVE_CLAUSE.search(span.text)
    if m is None or m.start() == 0:
        return span
    rest = span.text[m.end() :]
    if m.group().strip(", ").lower() == "which" and len(rest.split()) <= 3:
        # "…, which sources said": the source is the noun after the pronoun
        return Span(span.start + m.end(), span.end, rest)
    return Span(span.start, span.start + m.start(), span.text[: m.start()])


def _family(source_type: str) -> str:
    """Named people and organisations share one namespace so "Reuters" is one source whichever way typed."""
    return "named" if source_type.startswith("named-") else source_type


def describe(att: Attribution) -> str:
    """A grouping name for an unnamed source: its words without leading determiners, numbers and ranks."""
    if att.source is None:
        return ""
    # "officials, who spoke on condition …" -> "officials"; "…, which sources" -> "sources"
    words = named_part(att.source).text.split(",")[0].split()
    while len(words) > 1 and (words[0].lower() in GROUP_DROP or words[0].isdigit()):
        words.pop(0)
    return " ".join(words).strip(" ,.;:")
