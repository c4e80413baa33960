"""Quotations: where they open and close near a cue, and crediting a quotation that has no cue of its own.

A quotation is the strongest sign of attribution ('"…," said Smith'), so the cue readers ask this index
whether one ends just before or opens just after a cue. The index also holds quotations in doubled
apostrophes (''…'', ``…''), which the document's quotation finder leaves alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from rhetlint.analysis.attribution.gaps import gap
from rhetlint.analysis.attribution.model import Attribution
from rhetlint.text.quotes import Quote

if TYPE_CHECKING:
    from rhetlint.analysis.attribution.reading import Reading
    from rhetlint.model.document import Document, Sentence
    from rhetlint.text.tokens import Token

# The end of a quotation followed by its attribution: ',” said' / '," she said' / ",'' said".
QUOTE_CLOSE_GAP = re.compile(r"[,.!?…]\s*[\"”»'’“]+\s*$|[\"”»]\s*,\s*$")
# A quotation in doubled apostrophes or TeX quotes, within one paragraph: ''Yes,'' he said. / ``Yes.''
TYPEWRITER_QUOTE = re.compile(r"(?:''|``)(?=\S)(?:(?!''|\n\s*\n).){1,2000}?\S''", re.S)
# Spaces and light punctuation between a quotation and its attribution (never a line break: paragraphs differ).
QUOTE_JOIN = " \t,:;—–-"
# How far after a quotation a cueless one may still continue it, in characters.
CONTINUATION_REACH = 1200


class QuoteIndex:
    """The document's outermost quotations, by where they start and end."""

    def __init__(self, doc: Document) -> None:
        self.text = text = doc.text
        quotes = [q for q in doc.quotes if q.level == 1]
        known = len(quotes)
        if "''" in text:
            quotes = _with_typewriter_quotes(text, quotes)
        self.quotes = quotes
        self.by_end: dict[int, Quote] = {q.end: q for q in quotes}
        self.by_start: dict[int, Quote] = {q.start: q for q in quotes}
        self.starts = [q.start for q in quotes]
        # the document answers faster, and the same, when it knows every quotation
        self.contains: Callable[[int], bool] = doc.in_quote if len(quotes) == known else self.inside

    def inside(self, offset: int) -> bool:
        """Like ``doc.in_quote`` but also inside ''typewriter'' quotations."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0:
            q = self.quotes[i]
            if q.start <= offset < q.end:
                return True
            if offset - q.start > 5000:
                return False
            i -= 1
        return False

    def closed_by_typo(self, sent: Sentence, offset: int) -> bool:
        """Whether the last quotation mark before ``offset`` in its sentence closes a quotation although it is
        an opening mark ('…,“ said Jim Clyburn'): punctuation before it, a space after it."""
        text = self.text
        mark = max(text.rfind(c, sent.start, offset) for c in '"“”')
        return mark > sent.start and text[mark - 1] in ",.!?" and text[mark + 1 : mark + 2] == " "

    def before(self, toks: list[Token], i: int) -> Quote | None:
        """The quotation that ends right before token i (ignoring commas and spaces)."""
        p = toks[i].start
        text = self.text
        while p > 0 and text[p - 1] in QUOTE_JOIN:
            p -= 1
        return self.by_end.get(p)

    def after(self, toks: list[Token], i: int, limit: int) -> Quote | None:
        """A quotation that opens after token i within a few words (after ':' / ',' / "in a statement")."""
        p = toks[i].end
        text = self.text
        limit = min(limit, len(text))
        while p < limit and text[p] in QUOTE_JOIN:
            p += 1
        q = self.by_start.get(p)
        if q is not None:
            return q
        colon = text.find(":", toks[i].end, min(limit, toks[i].end + 60))
        if colon >= 0:
            p = colon + 1
            while p < limit and text[p] in " \t\r\n":
                p += 1
            return self.by_start.get(p)
        return None

    def follows(self, sent: Sentence) -> bool:
        """Whether the text just before a sentence, in the same paragraph, ends with a closing quote mark."""
        p = sent.start
        text = self.text
        while p > 0 and text[p - 1] in " \t":
            p -= 1
        return (
            p > 0
            and text[p - 1] in "\"”»’'"
            and p in self.by_end
            or (p > 1 and text[p - 1] in "\"”»’'" and text[p - 2] in ".!?,")
        )

    def closes(self, toks: list[Token], k: int) -> bool:
        """Whether a quotation ends between token k-1 and token k ('…," said Smith')."""
        return self.before(toks, k) is not None or QUOTE_CLOSE_GAP.search(gap(self.text, toks, k)) is not None


def credit_continued_quotes(r: Reading) -> None:
    """Credit a quotation with no cue of its own to the speaker of the quotation just before it."""
    quotes, found = r.quotes.quotes, r.found
    if not quotes:
        return
    covered = sorted((a.content.start, a.content.end) for a in found if a.content is not None)
    by_content = sorted(
        (a.content.start, i) for i, a in enumerate(found) if a.kind == "quote" and a.content is not None
    )
    cov_starts = [c[0] for c in covered]
    q_starts = [c[0] for c in by_content]
    for q in quotes:
        if _overlaps(q, covered, cov_starts) or len(r.doc.tokens_between(q.start, q.end)) < 4:
            continue  # already credited, or a scare quote or a single term, not a quotation
        j = bisect_left(q_starts, q.start) - 1
        if j < 0:
            continue
        prev = found[by_content[j][1]]
        if q.start - prev.content.end > CONTINUATION_REACH:  # type: ignore[union-attr]
            continue
        found.append(
            Attribution(
                "quote",
                None,
                None,
                r.span(q.start, q.end),
                prev.source_type,
                prev.speaker,
                "continuation",
                prev.head,
                prev.roles,
                True,
            )
        )


def _overlaps(q: Quote, covered: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether the quotation overlaps one of the sorted ``covered`` spans (whose starts are ``starts``)."""
    i = bisect_right(starts, q.start)
    return bool(i and covered[i - 1][1] > q.start) or (i < len(covered) and covered[i][0] < q.end)


def _with_typewriter_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Add quotations written with doubled apostrophes (''…'' and ``…'') that the quotation finder skips."""
    found = list(quotes)
    for m in TYPEWRITER_QUOTE.finditer(text):
        if not any(q.start <= m.start() < q.end for q in quotes):
            found.append(Quote(m.start(), m.end(), 1, "double", True))
    found.sort()
    return found
