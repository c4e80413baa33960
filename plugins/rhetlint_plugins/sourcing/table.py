"""The story's source table as the sourcing rules see it: sources with sides, counts per side."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from rhetlint import Attribution, Document, Source
from rhetlint.analysis import story_parties

# Source types whose speaker a reader cannot identify.
UNIDENTIFIED = frozenset({"anonymous", "vague", "none"})
# Attributions that credit nobody in particular ("it was reported"): counted, with no source.
NOT_A_SOURCE = frozenset({"none"})
NEUTRAL = "neutral"


@dataclass
class SourceTable:
    sources: list[Source]
    attributions: list[Attribution]  # every attribution, sourceless ones included
    parties: dict[str, int]  # sides the story names as parties -> mentions in the writer's text
    # each reporting clause once, with the type of the source it credits (a quotation that runs on after
    # "she said." is part of its clause, a refusal credits nothing)
    counted: list[tuple[Attribution, str]] = field(default_factory=list)
    by_side: Counter[str] = field(default_factory=Counter)  # counted attributions per side (NEUTRAL for none)
    quoted_by_side: Counter[str] = field(default_factory=Counter)
    _side_by_attribution: dict[int, str] = field(init=False, repr=False, default_factory=dict)

    @property
    def sided(self) -> Counter[str]:
        return Counter({k: v for k, v in self.by_side.items() if k != NEUTRAL})

    @property
    def quoted_sided(self) -> Counter[str]:
        return Counter({k: v for k, v in self.quoted_by_side.items() if k != NEUTRAL})

    def __post_init__(self) -> None:
        self._side_by_attribution = {
            id(att): source.side or NEUTRAL for source in self.sources for att in source.attributions
        }

    def side_of(self, attribution: Attribution) -> str:
        return self._side_by_attribution.get(id(attribution), NEUTRAL)


_TABLES: WeakKeyDictionary[Document, SourceTable] = WeakKeyDictionary()


def build_table(doc: Document) -> SourceTable:
    """The document's source table, built once and shared by the sourcing rules."""
    cached = _TABLES.get(doc)
    if cached is None:
        cached = _TABLES[doc] = _build(doc)
    return cached


def _build(doc: Document) -> SourceTable:
    sources = doc.sources
    table = SourceTable(sources, list(doc.attributions), story_parties(doc, sources, doc.context.sides))
    credited: set[int] = set()
    for source in sources:
        side = source.side or NEUTRAL
        clauses = [a for a in source.attributions if not continues_quotation(a)]
        table.counted.extend((a, source.type) for a in clauses)
        credited.update(id(a) for a in source.attributions)
        table.by_side[side] += len(clauses)
        table.quoted_by_side[side] += source.quoted_words
    table.counted.extend(
        (a, a.source_type)
        for a in doc.attributions
        if a.source_type in NOT_A_SOURCE and id(a) not in credited and not continues_quotation(a)
    )
    for side in table.parties:
        table.by_side.setdefault(side, 0)
        table.quoted_by_side.setdefault(side, 0)
    return table


def continues_quotation(attribution: Attribution) -> bool:
    """A quotation that runs on after its reporting clause ("…," she said. "…"): part of that clause."""
    return attribution.kind == "quote" and attribution.cue is None


def anchor(attribution: Attribution) -> tuple[int, int]:
    """Where a diagnostic about an attribution sits: its source, else its cue, else its content."""
    span = attribution.source or attribution.cue or attribution.content
    return (span.start, span.end) if span else (0, 0)


# A word as names are compared: letters and digits, with inner dots, apostrophes, ampersands and hyphens.
_NAME_WORD = re.compile(r"\w+(?:[.&'’-]\w+)*")
# How far after a person's mention an organisation named there is the one they speak for.
SPEAKS_FOR_WINDOW = 120


def _words(text: str) -> tuple[str, ...]:
    return tuple(map(str.lower, _NAME_WORD.findall(text)))


class _NameIndex:
    """Names (tuples of words) to what carries them, looked up as every run of words in a text that is one of
    them: only runs that start with a name's first word and have the length of such a name are tried, so a
    text of n words costs about n lookups, not n times the longest name."""

    def __init__(self) -> None:
        self.owners: dict[tuple[str, ...], list[int]] = {}
        self._lengths: dict[str, set[int]] = {}  # first word -> lengths of the names starting with it

    def add(self, name: tuple[str, ...], owner: int) -> None:
        self.owners.setdefault(name, []).append(owner)
        self._lengths.setdefault(name[0], set()).add(len(name))

    def __bool__(self) -> bool:
        return bool(self.owners)

    def found_in(self, words: tuple[str, ...]) -> Iterator[int]:
        """The owners of every name that occurs as a run of ``words``."""
        lengths, owners, total = self._lengths.get, self.owners, len(words)
        for i, word in enumerate(words):
            for size in lengths(word, ()):
                if i + size <= total:
                    yield from owners.get(words[i : i + size], ())


def _speaks_for_end(doc: Document, offset: int) -> int:
    """Where the words that may name whom a mention speaks for end: ``SPEAKS_FOR_WINDOW`` characters on,
    but never past the mention's sentence ("Brandt said. The Growers Cooperative ..." are two sources)."""
    sentence = doc.sentence_at(offset) or doc.sentence_at(max(0, offset - 1))
    end = offset + SPEAKS_FOR_WINDOW
    return min(end, sentence.end) if sentence is not None else end


def merged_source_count(doc: Document, sources: list[Source]) -> int:
    """Count sources (an anonymous or vague group is a source too), folding together names for one speaker
    ("County Engineer Marta Kovic" and "Marta Kovic") and a person into the organisation they speak for: the
    affiliation the analysis found ("Ana Ruiz, a spokeswoman for the port authority"), or an organisation
    named just after one of their mentions.

    Names are compared word by word through a dictionary of every name, so the count is near-linear in the
    number of sources and mentions."""
    identified = [s for s in sources if s.type != "none"]
    names = [_words(s.name) for s in identified]
    by_name, organisations = _NameIndex(), _NameIndex()
    for k, words in enumerate(names):
        if words:
            by_name.add(words, k)
            if identified[k].type == "named-organisation":
                organisations.add(words, k)
    parent = list(range(len(identified)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[root(i)] = root(j)

    for i, source in enumerate(identified):
        for j in by_name.found_in(names[i]):  # a name inside another: one speaker
            join(i, j)
        if not organisations:
            continue
        around = [_words(doc.text[m.start : _speaks_for_end(doc, m.end)]) for m in source.mentions]
        around.append(_words(source.affiliation))
        for words in around:  # an organisation named in or just after a mention, or as the affiliation
            for j in organisations.found_in(words):
                join(i, j)
    return len({root(i) for i in range(len(identified))})
