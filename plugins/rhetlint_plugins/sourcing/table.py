"""The story's source table as the sourcing rules see it: sources with sides, counts per side."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from rhetlint import Attribution, Document, Source
from rhetlint.analysis import story_parties

# Source types whose speaker a reader cannot identify.
UNIDENTIFIED = frozenset({"anonymous", "vague", "none"})
NEUTRAL = "neutral"


@dataclass
class SourceTable:
    sources: list[Source]
    attributions: list[Attribution]  # every attribution, sourceless ones included
    parties: dict[str, int]  # sides the story names as parties -> mentions in the writer's text
    by_side: Counter[str] = field(default_factory=Counter)  # attributions per side (NEUTRAL for none)
    quoted_by_side: Counter[str] = field(default_factory=Counter)

    @property
    def sided(self) -> Counter[str]:
        return Counter({k: v for k, v in self.by_side.items() if k != NEUTRAL})

    @property
    def quoted_sided(self) -> Counter[str]:
        return Counter({k: v for k, v in self.quoted_by_side.items() if k != NEUTRAL})

    def side_of(self, attribution: Attribution) -> str:
        for source in self.sources:
            if attribution in source.attributions:
                return source.side or NEUTRAL
        return NEUTRAL


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
    for source in sources:
        side = source.side or NEUTRAL
        table.by_side[side] += len(source.attributions)
        table.quoted_by_side[side] += source.quoted_words
    for side in table.parties:
        table.by_side.setdefault(side, 0)
        table.quoted_by_side.setdefault(side, 0)
    return table


def anchor(attribution: Attribution) -> tuple[int, int]:
    """Where a diagnostic about an attribution sits: its source, else its cue, else its content."""
    span = attribution.source or attribution.cue or attribution.content
    return (span.start, span.end) if span else (0, 0)


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def merged_source_count(doc: Document, sources: list[Source]) -> int:
    """Count sources (an anonymous or vague group is a source too), folding together names for one speaker
    ("County Engineer Marta Kovic" and "Marta Kovic") and a person into the organisation they speak for: the
    affiliation the analysis found ("Ana Ruiz, a spokeswoman for the port authority"), or an organisation
    named just after one of their mentions."""
    identified = [s for s in sources if s.type != "none"]
    names = [s.name.lower() for s in identified]
    parent = list(range(len(identified)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, source in enumerate(identified):
        contexts = [doc.text[m.start : m.end + 120].lower() for m in source.mentions]
        affiliation = source.affiliation.lower()
        for j in range(len(identified)):
            if i == j:
                continue
            same_name = _contains(names[i], names[j]) or _contains(names[j], names[i])
            speaks_for = identified[j].type == "named-organisation" and (
                any(names[j] in c for c in contexts) or _contains(affiliation, names[j])
            )
            if same_name or speaks_for:
                parent[root(i)] = root(j)
    return len({root(i) for i in range(len(identified))})
