"""The organisations a story names, whether or not they speak, and what its descriptions refer back to.

A source is often named by description only ("the company said", "the district's general manager", "its
president, Luis Ferreira"), or the organisation it speaks for is named once, in a sentence where it does
not speak ("Halden Mills will eliminate 210 jobs ... the company said"). To credit such words to the right
body, and to know whom a person speaks for, the story's organisations are indexed once per document:

- a **name** is a run of capitalised words (with "of", "for", "and", "&" inside) that has an organisation
  word ("Orland Water District", "Linwood Nurses Association") or several words that are no person's name
  ("Stennet Aggregates", "Corvane Foods"); places, titles, dates and people are left out;
- a **short form** is one word of exactly one such name, used alone ("Halden", "Corvane"), when it is no
  person's surname and not the name of a place the story is set in;
- a **description** ("the company", "the health system", "the district", "the union", "its") refers to the
  nearest organisation named before it whose kind fits: "the district" needs a district, "the company" a
  body named without a public-body word.

Each lookup walks back over a bounded number of mentions, so the index is built in one pass.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.grammar import strip_possessive
from rhetlint.analysis.wordlists import word_set
from rhetlint.model.document import Span

if TYPE_CHECKING:
    from rhetlint.model.document import Document
    from rhetlint.text.tokens import Token

__all__ = ["Organisation", "StoryOrganisations", "story_organisations"]

# Lower-case words that may join the capitalised words of one name ("Friends of Coldwater Creek").
CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de"})
# Descriptions that fit any organisation ("the group", "the organisation").
GENERIC_HEADS = frozenset({"group", "organization", "organisation", "body"})
# Descriptions of a public body, which fit any organisation named with a public-body word ("the agency":
# Greyport Regional Transit).
PUBLIC_HEADS = frozenset({"agency", "authority"})
# Descriptions that stand for a body named without a public-body word ("the company": Stennet Aggregates).
COMPANY_HEADS = frozenset(
    "company firm business system operator maker employer chain developer "
    "partnership nonprofit charity publisher retailer manufacturer producer processor utility insurer "
    "lender bank carrier owner owners automaker drugmaker startup conglomerate team club franchise mine plant "
    "mill factory refinery smelter".split()
)
# Organisation words that name a business, so a company description fits them too ("Halden Mills").
COMPANY_KINDS = frozenset(
    "company companies corporation corp inc co ltd llc plc group holdings systems energy motors technologies "
    "labs ventures studios health industries pharmaceuticals airlines petroleum utilities electric firm "
    "bank partners mills foods".split()
)
# Descriptions of a workers' body, and the organisation words that may end its name ("Drivers Local 440").
UNION_HEADS = frozenset({"union", "local", "guild", "federation"})
UNION_KINDS = frozenset({"union", "local", "guild", "federation", "association", "brotherhood"})
# Words that end the names of streets, waters and buildings: a place, not a body that can speak.
PLACE_WORDS = frozenset(
    "road street avenue boulevard lane drive route highway creek river lake mountain mountains valley bay "
    "harbor harbour island islands park square plaza bridge building tower hall county's beach coast".split()
)
# Capitalised words that start no organisation's name: weekdays, months, grammar words at a sentence start.
NOT_NAME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec the a an in on at by for from with after before when while "
    "but and or if as this that these those his her their its our my it he she they we i mr mrs ms dr "
    "according under over since during despite about".split()
)
# Words after which a capitalised word names a place ("in Linwood", "outside Harwick").
LOCATIVES = frozenset({"in", "near", "outside", "across", "around", "throughout", "from"})
# How far back, in mentions and characters, a description looks for the body it refers to.
MAX_LOOKBACK = 40
WINDOW = 1500


@dataclass
class Organisation:
    """One organisation the story names, with every place it is named, shortened or described."""

    name: str  # as written, without a leading "the"
    kind: str | None  # its organisation word ("district", "union"), or None for a name like "Corvane Foods"
    mentions: list[Span] = field(default_factory=list)

    def takes(self, head: str) -> bool:
        """Whether a description with this head word can refer to this organisation."""
        if head in GENERIC_HEADS:
            return True
        if head in UNION_HEADS:
            return self.kind in UNION_KINDS
        if head in PUBLIC_HEADS:
            return self.kind is not None and self.kind not in COMPANY_KINDS and self.kind not in UNION_KINDS
        if head in COMPANY_HEADS:
            return self.kind is None or self.kind in COMPANY_KINDS
        return head == self.kind


class StoryOrganisations:
    """The organisations of one document and the places each is named, in text order."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.places = _story_places(doc)
        # the words the story writes in lower case ("image", "please"): no name, organisation or side
        self.lower_case = {t.norm for t in doc.tokens if t.text.islower()}
        people = _people_words(doc)
        self.surnames = people[1]  # of the people the attribution analysis named in full
        self.by_name: dict[str, Organisation] = {}
        self._starts: list[int] = []
        self._owners: list[Organisation] = []
        runs = list(_capitalised_runs(doc))
        for run in runs:
            self._add_name(doc, run, people)
        short: dict[str, list[Organisation]] = {}
        org_words = word_set("attribution_org_words")
        for org in self.by_name.values():
            for word in dict.fromkeys(org.name.split()):
                key = word.lower()
                if (
                    key in CONNECTORS
                    or key in self.places
                    or key in people[1]
                    or len(key) < 3
                    or _bare(key) in org_words
                    or _bare(key) in COMPANY_KINDS
                    or not key[:1].isalpha()
                ):
                    continue
                short.setdefault(key, []).append(org)
        self._short = {w: orgs[0] for w, orgs in short.items() if len(orgs) == 1}
        self._index_mentions(doc)

    # --- building ------------------------------------------------------------------------------------
    def _add_name(self, doc: Document, run: list[Token], people: tuple[set[str], set[str], set[str]]) -> None:
        names, surnames, lone = people
        words = [t.text for t in run]
        lowered = [w.lower().rstrip(".") for w in words]
        text = " ".join(strip_possessive(w) for w in words)
        org_words = word_set("attribution_org_words")
        kind = next((w for w in reversed(lowered) if _bare(w) in org_words), None)
        kind = _bare(kind) if kind else None
        if (
            (_bare(lowered[-1]) in PLACE_WORDS and "of" not in lowered)
            or any(_bare(w) in NOT_NAME_WORDS for w in lowered if w not in CONNECTORS)
            or all(w in self.places or w in CONNECTORS for w in lowered)
        ):
            return  # "Hollins Road", "Feb. 14 and March 28", a place
        if text.lower() in names or not words[0][:1].isalpha():
            return
        titles = word_set("attribution_titles")
        if any(_bare(w) in titles for w in lowered[:-1]):
            return  # "Board Chair Nadia Sorensen", "Team President Corey Madden": a person with a title
        if kind is None:
            capitalised = [w for w in lowered if w not in CONNECTORS]
            if (
                len(capitalised) < 2
                or _bare(lowered[-1]) in surnames
                or _bare(lowered[-1]) in lone
                or "and" in lowered
                or _bare(lowered[0]) in word_set("given_names")
            ):
                return  # "Warren Stennet": a person; "Stennet Aggregates" keeps its last word
            if any(_bare(w) in titles or not w[:1].isalpha() for w in lowered):
                return
        org = self.by_name.get(text.lower())
        if org is None:
            org = self.by_name[text.lower()] = Organisation(text, kind)
        org.mentions.append(Span(run[0].start, run[-1].end, doc.source[run[0].start : run[-1].end]))

    def _index_mentions(self, doc: Document) -> None:
        """Add short forms and descriptions, each resolved to the nearest fitting organisation before it."""
        pending = sorted(
            ((m.start, m.end, org) for org in self.by_name.values() for m in org.mentions), key=lambda m: m[0]
        )
        toks = doc.tokens
        covered = [(start, end) for start, end, _ in pending]
        found: list[tuple[int, int, Organisation]] = []
        k = 0
        for i in [i for i, tok in enumerate(toks) if tok.text[:1].isupper()]:  # a short form is capitalised
            tok = toks[i]
            while k < len(covered) and covered[k][1] <= tok.start:
                k += 1
            if k < len(covered) and covered[k][0] <= tok.start:
                continue  # inside a full name
            org = None
            if i + 1 == len(toks) or not toks[i + 1].text[:1].isupper():
                org = self._short.get(_bare(tok.norm))
            if org is not None:
                found.append((tok.start, tok.end, org))
        mentions = sorted(pending + found, key=lambda m: m[0])
        self._starts = [m[0] for m in mentions]
        self._owners = [m[2] for m in mentions]
        found += self._descriptions(doc)
        for start, end, org in found:
            org.mentions.append(Span(start, end, doc.source[start:end]))
        everything = sorted(pending + found, key=lambda m: m[0])  # later lookups see descriptions too
        self._starts = [m[0] for m in everything]
        self._owners = [m[2] for m in everything]
        for org in self.by_name.values():
            org.mentions.sort()

    def _descriptions(self, doc: Document) -> list[tuple[int, int, Organisation]]:
        """ "the company", "the drivers' union", "the district": each resolved to the organisation it refers
        to, as a mention of that organisation (resolved against names and short forms only)."""
        heads = COMPANY_HEADS | UNION_HEADS | GENERIC_HEADS | PUBLIC_HEADS
        heads |= {org.kind for org in self.by_name.values() if org.kind}
        starts = {m.start: org for org in self.by_name.values() for m in org.mentions}
        toks = doc.tokens
        out = []
        for i in [i for i, tok in enumerate(toks) if tok.norm == "the"]:
            tok = toks[i]
            for j in (i + 1, i + 2):
                if j >= len(toks) or not toks[j].text.islower():
                    break
                head = _bare(toks[j].norm)
                if head in heads:
                    after = toks[j + 1] if j + 1 < len(toks) else None
                    org: Organisation | None = None
                    if (
                        after is not None
                        and after.start in starts
                        and doc.text[toks[j].end : after.start] == ", "
                    ):
                        org = starts[after.start]  # "the residents' group, Friends of Coldwater Creek"
                    else:
                        org = self.described(head, tok.start)
                    if org is not None:
                        out.append((tok.start, toks[j].end, org))
                    break
        return out

    # --- lookups -------------------------------------------------------------------------------------
    @property
    def organisations(self) -> list[Organisation]:
        return list(self.by_name.values())

    def short_form(self, word: str) -> Organisation | None:
        """The organisation a lone word stands for ("Halden" -> Halden Mills), if exactly one fits."""
        return self._short.get(_bare(word.lower()))

    def named(self, name: str) -> Organisation | None:
        """The organisation with this name as written (case-insensitive, no leading "the")."""
        lowered = strip_possessive(name).lower()
        return self.by_name.get(lowered.removeprefix("the ")) or self.short_form(lowered)

    def within(self, text: str) -> Organisation | None:
        """The organisation whose name (the longest, when several) appears in ``text``."""
        words = [strip_possessive(w) for w in text.lower().split()][:40]
        for size in range(min(8, len(words)), 0, -1):  # longest first, one dict lookup per word run
            for i in range(len(words) - size + 1):
                org = self.by_name.get(" ".join(words[i : i + size]))
                if org is not None:
                    return org
        return None

    def describes(self, word: str) -> bool:
        """Whether ``word`` is a description an organisation of this story can take ("company", "union",
        "district" when a district is named)."""
        word = _bare(word)
        return word in COMPANY_HEADS | UNION_HEADS | GENERIC_HEADS | PUBLIC_HEADS or any(
            org.kind == word for org in self.by_name.values()
        )

    def described(self, head: str, offset: int) -> Organisation | None:
        """The organisation a description ("the company", "its", "the district") at ``offset`` refers to:
        the nearest one named before it, within ``WINDOW`` characters, whose kind fits ``head`` (any kind
        for "its" and "it")."""
        head = _bare(head.lower())
        at = bisect_left(self._starts, offset) - 1
        stop = max(-1, at - MAX_LOOKBACK)
        while at > stop:
            if offset - self._starts[at] > WINDOW:
                return None
            org = self._owners[at]
            if head in ("its", "it", "their") or org.takes(head):
                return org
            at -= 1
        return None

    def nearest_before(self, offset: int, max_paragraphs: int = 2) -> Organisation | None:
        """The organisation named last before ``offset``, in its paragraph or the ``max_paragraphs`` before,
        among those the story plainly treats as one: named with an organisation word, or named again
        (a lone run of capitals such as "Memorial Day Speech" is not enough)."""
        doc = self.doc
        index = doc.block_index(offset)
        if index < 0 or doc.block_at(offset) is None:
            return None
        earliest = doc.blocks[max(0, index - max_paragraphs)].start
        at = bisect_left(self._starts, offset) - 1
        stop = max(-1, at - MAX_LOOKBACK)
        while at > stop and self._starts[at] >= earliest:
            org = self._owners[at]
            if org.kind is not None or len(org.mentions) > 1:
                return org
            at -= 1
        return None


def story_organisations(doc: Document) -> StoryOrganisations:
    """The document's organisations (computed once per document)."""
    result: StoryOrganisations = doc.analysis("organisations")
    return result


@lru_cache(maxsize=8192)  # called for every capitalised word, often the same ones: a memo, bounded
def _bare(word: str) -> str:
    return strip_possessive(word).strip('.,;:()"“”').lower()


def _capitalised_runs(doc: Document) -> list[list[Token]]:
    """Runs of capitalised words, joined by connectors, that do not cross a sentence, a quotation's edge or
    a line; leading sentence-start grammar words and trailing connectors are dropped. Between runs the
    reading jumps from one capitalised word to the next rather than looking at every word."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    text = doc.text

    def close() -> None:
        while run and run[-1].norm in CONNECTORS:
            run.pop()
        while run and (
            _bare(run[0].norm) in NOT_NAME_WORDS or (run[0].text.isupper() and len(run[0].text) > 4)
        ):
            run.pop(0)
        if run:
            runs.append(list(run))
        run.clear()

    tokens = doc.tokens
    capitals = [k for k, tok in enumerate(tokens) if tok.text[:1].isupper()]
    pos, at = 0, 0  # the token to read, and the first capitalised token not passed yet
    while pos < len(tokens):
        if not run:  # nothing happens until the next capitalised word: skip to it
            while at < len(capitals) and capitals[at] < pos:
                at += 1
            if at == len(capitals):
                break
            pos = capitals[at]
        tok = tokens[pos]
        pos += 1
        capital = tok.text[:1].isupper() or (tok.text[:1].isdigit() and bool(run))
        if run:
            gap = text[run[-1].end : tok.start]
            if gap.strip() or "\n" in gap or doc.starts_sentence(tok.start):
                close()
        if capital:
            run.append(tok)
        elif run and (
            (tok.norm in CONNECTORS and tok.norm != "the") or (tok.norm == "the" and run[-1].norm == "of")
        ):
            run.append(tok)
        elif run:
            close()
        if run and run[-1].text.endswith(("'s", "’s")):
            close()
    close()
    return runs


def _story_places(doc: Document) -> set[str]:
    """Lower-case words the story uses as places: its dateline, and capitalised words after "in",
    "near" or "outside" that no other capitalised word follows ("in Linwood", not "in Greyport General")."""
    places = set(word_set("attribution_places"))
    toks = doc.tokens
    for i, tok in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if tok.norm in LOCATIVES and nxt.text[:1].isupper() and len(nxt.text) > 2:
            after = toks[i + 2] if i + 2 < len(toks) else None
            if after is None or not after.text[:1].isupper() or doc.text[nxt.end : after.start].strip():
                places.add(_bare(nxt.norm))
    for block in doc.blocks[:4]:
        first = doc.tokens_between(block.start, block.end)[:1]
        if first and first[0].text.isupper() and len(first[0].text) > 2:
            rest = doc.text[first[0].end : first[0].end + 3]
            if rest.lstrip()[:1] in ("—", "-", "–", ","):
                places.add(first[0].norm)  # a dateline: "GREYPORT — ..."
    return places


def _people_words(doc: Document) -> tuple[set[str], set[str], set[str]]:
    """The full names of the people the attribution analysis found, their surnames, and the words it read
    as a person's name on their own ("O'Rourke said"), lower case."""
    names: set[str] = set()
    surnames: set[str] = set()
    lone: set[str] = set()
    for att in doc.attributions:
        if att.source_type == "named-person" and att.speaker:
            words = att.speaker.split()
            if len(words) > 1:
                names.add(" ".join(words).lower())
                surnames.add(_bare(words[-1]))
            else:
                lone.add(_bare(words[0]))  # "O'Rourke said": a surname, so "Beto O'Rourke" is a person
    return names, surnames, lone
