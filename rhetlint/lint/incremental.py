"""Re-lint an edited document, reusing the findings of paragraphs that did not change.

An editor re-lints after every pause in typing, and a keystroke changes one paragraph. A rule whose
``scope`` is "sentence" or "paragraph" promises that its findings in a block depend on that block alone, so
its findings for an unchanged block can be shifted to the block's new offset instead of recomputed. Rules
with document scope (sourcing balance, unused suppressions) always see the whole document.

The reuse happens below the engine: each local rule is swapped for a stand-in that replays cached findings
and runs the real rule only over the changed blocks. ``Linter.lint`` then applies suppressions, severities
and ``unused-suppression`` to the merged findings exactly as for a full run, so the result is the same.

Blocks are not always independent: a quotation left open at the end of a paragraph continues into the next
one. Blocks joined by such a quotation are treated as one unit, cached and re-run together.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from rhetlint.lint.linter import Linter
from rhetlint.model.diagnostics import Diagnostic, Finding, Related
from rhetlint.model.document import Block, Document
from rhetlint.model.spans import SpanIndex
from rhetlint.rules import Options, Rule
from rhetlint.text.quotes import Quote

LOCAL_SCOPES = frozenset({"sentence", "paragraph"})
# Runs of characters other than line breaks: what a partial document blanks outside its changed blocks.
NOT_NEWLINE_RUN = re.compile(r"[^\r\n]+")

UnitKey = tuple[Any, ...]


def _blank(text: str) -> str:
    return NOT_NEWLINE_RUN.sub(lambda m: " " * len(m.group()), text)


def shift_finding(finding: Finding, delta: int) -> Finding:
    """The same finding ``delta`` characters further on (fixes and related places move with it)."""
    if delta == 0:
        return finding
    fixes = tuple(
        f if f.start is None else replace(f, start=f.start + delta, end=(f.end or 0) + delta)
        for f in finding.fixes
    )
    related = tuple(Related(r.start + delta, r.end + delta, r.message) for r in finding.related)
    return replace(
        finding, start=finding.start + delta, end=finding.end + delta, fixes=fixes, related=related
    )


@dataclass(frozen=True)
class Unit:
    """One block, or several joined by a quotation that runs across them: the unit of reuse."""

    start: int
    end: int
    blocks: tuple[Block, ...]
    key: UnitKey


@dataclass
class Stats:
    """What the last run reused: for the benchmark and the tests."""

    units: int = 0
    rerun_units: int = 0


class IncrementalLinter:
    """Lint successive versions of one document with one Linter, keeping per-unit results between runs."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self.stats = Stats()
        self._cache: dict[tuple[str, UnitKey], tuple[Finding, ...]] = {}

    def lint(
        self, source: str, path: str | None = None, format: str | None = None
    ) -> tuple[Document, list[Diagnostic]]:
        doc = self.linter.parse(source, path, format)
        rules = self.linter.rules_for(path)
        units = _units(doc)
        run = _Run(doc, units, self._cache)
        stand_ins = [self._stand_in(rule, run) if rule.scope in LOCAL_SCOPES else rule for rule in rules]
        diagnostics = self.linter.lint(doc, rules=stand_ins)
        self._cache = run.kept
        self.stats = Stats(units=len(units), rerun_units=len(run.rerun))
        return doc, diagnostics

    @staticmethod
    def _stand_in(rule: Rule, run: _Run) -> Rule:
        def check(doc: Document, options: Options) -> Iterator[Finding]:
            return run.findings(rule, options)

        return replace(rule, check=check)


class _Run:
    """One lint of one version: which units are cached, and the partial document for the rest."""

    def __init__(
        self, doc: Document, units: list[Unit], cache: dict[tuple[str, UnitKey], tuple[Finding, ...]]
    ):
        self.doc = doc
        self.units = units
        self.cache = cache
        self.kept: dict[tuple[str, UnitKey], tuple[Finding, ...]] = {}
        self.rerun: set[int] = set()
        self._partials: dict[tuple[int, ...], list[tuple[Document, tuple[int, ...]]]] = {}
        self._starts = [u.start for u in units]

    def findings(self, rule: Rule, options: Options) -> Iterator[Finding]:
        """Fresh findings as the rule yields them (so a crash keeps what came before it, as in a full run),
        then the cached findings of the other units, moved to where those units are now."""
        stale = tuple(i for i, u in enumerate(self.units) if (rule.code, u.key) not in self.cache)
        fresh: dict[int, list[Finding]] = {i: [] for i in stale}
        cacheable = True
        if stale:
            self.rerun.update(stale)
            for view, owners in self._views(stale):
                for finding in rule.run(view, options):
                    if isinstance(finding, Finding):
                        fresh[self._owner(finding.start, owners)].append(finding)
                    else:
                        cacheable = False  # the engine reports it as malformed; never reuse the rest
                    yield finding
        for i, unit in enumerate(self.units):
            key = (rule.code, unit.key)
            if i in fresh:
                if cacheable:
                    self.kept[key] = tuple(shift_finding(f, -unit.start) for f in fresh[i])
            else:
                relative = self.cache[key]
                self.kept[key] = relative
                for finding in relative:
                    yield shift_finding(finding, unit.start)

    def _owner(self, offset: int, owners: tuple[int, ...]) -> int:
        """The re-run unit a finding belongs to: the one holding its start, else the nearest before it."""
        i = bisect_right(self._starts, offset) - 1
        if i in owners:
            return i
        before = [s for s in owners if s <= i]
        return before[-1] if before else owners[0]

    def _views(self, stale: tuple[int, ...]) -> list[tuple[Document, tuple[int, ...]]]:
        """Documents to run a rule over so that it sees exactly the stale units, each as in the full text.

        Every unit stale: the document itself. Otherwise one partial document holding all stale units,
        unless leaving the fresh units out changes the quotations found in it (a quotation left open in one
        unit would then run on into the next stale one); then one partial document per stale unit.
        """
        views = self._partials.get(stale)
        if views is None:
            if len(stale) == len(self.units):
                views = [(self.doc, stale)]
            else:
                together = self._partial(stale)
                if _quotes_within(together, together.blocks) == _quotes_within(self.doc, together.blocks):
                    views = [(together, stale)]
                else:
                    views = [(self._partial((i,)), (i,)) for i in stale]
            self._partials[stale] = views
        return views

    def _partial(self, stale: tuple[int, ...]) -> Document:
        """The document with only the stale units' prose left in it (same length, same offsets)."""
        doc = self.doc
        blocks = [b for i in stale for b in self.units[i].blocks]
        spans = [(self.units[i].start, self.units[i].end) for i in stale]
        pieces: list[str] = []
        pos = 0
        for start, end in spans:
            pieces.append(_blank(doc.text[pos:start]))
            pieces.append(doc.text[start:end])
            pos = end
        pieces.append(_blank(doc.text[pos:]))

        def inside(s: int, e: int) -> bool:
            return any(lo <= s and e <= hi for lo, hi in spans)

        return Document(
            doc.source,
            "".join(pieces),
            path=doc.path,
            format=doc.format,
            blocks=blocks,
            comments=doc.comments,
            links=[link for link in doc.links if inside(link.start, link.end)],
            front_matter=doc.front_matter,
            quote_regions=[(s, e) for s, e in _quote_regions(doc) if inside(s, e)],
        )


def _quotes_within(doc: Document, blocks: list[Block]) -> list[tuple[int, int, int, str, bool]]:
    spans = [(b.start, b.end) for b in blocks]
    return [
        (q.start, q.end, q.level, q.kind, q.closed)
        for q in doc.quotes
        if any(lo <= q.start < hi for lo, hi in spans)
    ]


def _quote_regions(doc: Document) -> list[tuple[int, int]]:
    """Quotations a parser marked explicitly (HTML <q>)."""
    return list(doc.quote_regions)


def _units(doc: Document) -> list[Unit]:
    """Group blocks into units (joined by quotations spanning blocks) and key each by what rules can see."""
    blocks = list(doc.blocks)
    if not blocks:
        return []
    starts = [b.start for b in blocks]

    def block_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    # A quotation whose first and last characters lie in different blocks joins every block in between.
    joined_to_next = [False] * len(blocks)
    for quote in doc.quotes:
        first, last = block_of(quote.start), block_of(max(quote.start, quote.end - 1))
        for k in range(first, last):
            joined_to_next[k] = True

    index = _Index(doc)
    units: list[Unit] = []
    group: list[Block] = []
    for k, block in enumerate(blocks):
        group.append(block)
        if not joined_to_next[k] or k == len(blocks) - 1:
            units.append(_unit(doc, tuple(group), index))
            group = []
    return units


class _Index:
    """Quotations, links and quotation regions by start, so each unit finds its own by bisection: a draft
    with many paragraphs and many quotations must not cost units × quotations on every keystroke."""

    def __init__(self, doc: Document) -> None:
        self.quotes: SpanIndex[Quote] = SpanIndex((q.start, q.end, q) for q in doc.quotes)
        self.links = sorted(doc.links, key=lambda link: link.start)
        self.link_starts = [link.start for link in self.links]
        self.regions = sorted(_quote_regions(doc))
        self.region_starts = [s for s, _ in self.regions]


def _unit(doc: Document, blocks: tuple[Block, ...], index: _Index) -> Unit:
    start, end = blocks[0].start, max(b.end for b in blocks)
    shape = tuple((b.start - start, b.end - start, b.kind, b.quoted) for b in blocks)
    quotes = tuple(
        (q.start - start, q.end - start, q.level, q.kind, q.closed)
        for q in index.quotes.overlapping(start, end)
    )
    links = tuple(
        (link.start - start, link.end - start, link.target)
        for link in index.links[bisect_left(index.link_starts, start) : bisect_left(index.link_starts, end)]
    )
    regions = tuple(
        (s - start, e - start)
        for s, e in index.regions[
            bisect_left(index.region_starts, start) : bisect_left(index.region_starts, end)
        ]
    )
    key = (doc.source[start:end], doc.text[start:end], shape, quotes, links, regions)
    return Unit(start, end, blocks, key)
